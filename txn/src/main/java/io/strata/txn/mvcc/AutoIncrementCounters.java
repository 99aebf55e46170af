package io.strata.txn.mvcc;

import io.strata.txn.commit.LogEntry;
import io.strata.txn.commit.LogEntryCodec;
import io.strata.txn.log.LogService;

import java.util.HashMap;
import java.util.Map;

/**
 * AUTO_INCREMENT counters per table id. Values are handed out only below a reservation that is durable
 * in the log (reserved {@value #RESERVATION} at a time), so no value is handed out twice even across a
 * crash; a restart continues above the last reservation, leaving a gap as MySQL may.
 */
public final class AutoIncrementCounters {
    static final long RESERVATION = 1000;

    private final LogService log;
    private final Map<Long, long[]> counters = new HashMap<>(); // tableId -> {next, reservedUpTo}

    public AutoIncrementCounters(LogService log) {
        this.log = log;
    }

    /** Reserves {@code count} values and returns the first; writes a reservation to the log when needed. */
    public synchronized long allocate(long tableId, int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        long[] counter = counter(tableId);
        long first = counter[0];
        long last = first + count - 1;
        if (last > counter[1]) {
            long reservedUpTo = last + RESERVATION;
            log.append(LogEntryCodec.encode(new LogEntry.AutoIncrementReservation(tableId, reservedUpTo)));
            counter[1] = reservedUpTo;
        }
        counter[0] = last + 1;
        return first;
    }

    /** Whether {@link #allocate allocating} {@code count} values now would first reserve more in the log (and wait for it). */
    public synchronized boolean wouldReserve(long tableId, int count) {
        long[] counter = counter(tableId);
        return counter[0] + count - 1 > counter[1];
    }

    /** Later values will be above {@code usedValue}. */
    public synchronized void observe(long tableId, long usedValue) {
        long[] counter = counter(tableId);
        counter[0] = Math.max(counter[0], usedValue + 1);
    }

    /** Replays a reservation: everything up to it may have been handed out before the crash. */
    public synchronized void recoverReservation(long tableId, long reservedUpTo) {
        long[] counter = counter(tableId);
        counter[0] = Math.max(counter[0], reservedUpTo + 1);
        counter[1] = Math.max(counter[1], reservedUpTo);
    }

    /** The first value each table may hand out after a restart from this state (for checkpoints). */
    public synchronized Map<Long, Long> durableNextValues() {
        Map<Long, Long> next = new HashMap<>();
        counters.forEach((tableId, counter) -> next.put(tableId, Math.max(counter[0], counter[1] + 1)));
        return next;
    }

    /**
     * The exact next value of each table, for the last checkpoint of a clean shutdown: nothing can be
     * handed out after it, so a restart continues without the reservation's gap, as MySQL 8 does.
     */
    public synchronized Map<Long, Long> exactNextValues() {
        Map<Long, Long> next = new HashMap<>();
        counters.forEach((tableId, counter) -> next.put(tableId, counter[0]));
        return next;
    }

    /** Restores a table's counter from a checkpoint. */
    public synchronized void restore(long tableId, long nextValue) {
        long[] counter = counter(tableId);
        counter[0] = Math.max(counter[0], nextValue);
        counter[1] = Math.max(counter[1], nextValue - 1);
    }

    public synchronized void forget(long tableId) {
        counters.remove(tableId);
    }

    private long[] counter(long tableId) {
        return counters.computeIfAbsent(tableId, id -> new long[] {1, 0});
    }
}
