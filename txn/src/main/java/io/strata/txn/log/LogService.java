package io.strata.txn.log;

import java.util.concurrent.CompletableFuture;

/**
 * The durable redo log. Records get consecutive log sequence numbers (LSNs) starting at 1, in the
 * order their appends were called. A record is durable (survives a crash) once its append returns or
 * its future completes; the log never loses a durable record and never replays a torn one. Failures
 * are {@link io.strata.common.error.StrataException}s with ER_STORAGE_FAILURE; after a write failure
 * the log accepts no more appends.
 */
public interface LogService extends AutoCloseable {
    /** Appends {@code record} and waits until it is durable; returns its LSN. */
    default long append(byte[] record) {
        return LogFutures.await(appendAsync(record));
    }

    /**
     * Queues {@code record}; the future completes with its LSN once it is durable. Records queued by one
     * thread, or under one lock, get LSNs in that order.
     */
    CompletableFuture<Long> appendAsync(byte[] record);

    /** Waits until every record queued before this call is durable; returns the last durable LSN (0 if none). */
    long sync();

    /** Calls {@code consumer} for every record with an LSN at or above {@code fromLsn}, in LSN order. */
    void read(long fromLsn, LogConsumer consumer);

    /** Drops records up to {@code upToLsn} (inclusive) where whole segments allow; later reads may skip them. */
    void truncate(long upToLsn);

    /** The LSN of the last durable record, 0 if none was ever written. */
    long lastLsn();

    /** Stops the writer after the queued records are durable. */
    @Override
    void close();

    /** Receives records read back from the log. */
    @FunctionalInterface
    interface LogConsumer {
        void accept(long lsn, byte[] record);
    }
}
