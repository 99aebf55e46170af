package io.strata.compute.operator;

import org.apache.arrow.memory.BufferAllocator;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What one query execution runs with: the statement's memory (its allocator, the heap its operators reserve,
 * its hard limit and spill files: {@link QueryMemory}), the bound parameter values of a prepared statement,
 * the statement's start time (NOW() is constant within a statement) in the session's time zone
 + * ({@code timeZone}, which UNIX_TIMESTAMP and FROM_UNIXTIME also read), a cancel flag checked between batches,
 * where warnings go, inside a parallel worker its slot (else null), and the memory its operators plan with
 * ({@code memoryLimitBytes}, a worker's share of the statement's): an operator holding more than half of it,
 * or whose growth would take the statement past its hard limit, spills to disk ({@link #shouldSpill}).
 */
public record ExecutionContext(QueryMemory memory, List<Object> parameters, LocalDateTime statementTime,
                               AtomicBoolean cancelled, WarningSink warnings, WorkerSlot worker, long memoryLimitBytes,
                               ZoneId timeZone) {
    public ExecutionContext {
        Objects.requireNonNull(memory, "memory");
        parameters = Collections.unmodifiableList(new ArrayList<>(parameters)); // values may be null
        Objects.requireNonNull(statementTime, "statementTime");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(cancelled, "cancelled");
        Objects.requireNonNull(warnings, "warnings");
        if (memoryLimitBytes <= 0) {
            throw new IllegalArgumentException("memory limit must be positive: " + memoryLimitBytes);
        }
    }

    /** A statement's context: operators plan with the whole of {@code memory}'s limit. */
    public ExecutionContext(QueryMemory memory, List<Object> parameters, LocalDateTime statementTime,
                            AtomicBoolean cancelled, WarningSink warnings, ZoneId timeZone) {
        this(memory, parameters, statementTime, cancelled, warnings, null, memory.limitBytes(), timeZone);
    }

    /** A context outside any parallel worker, without a memory limit, whose warnings are dropped. */
    public ExecutionContext(BufferAllocator allocator, List<Object> parameters, LocalDateTime statementTime,
                            AtomicBoolean cancelled) {
        this(QueryMemory.unlimited(allocator), parameters, statementTime, cancelled, WarningSink.NONE, null, Long.MAX_VALUE, ZoneId.systemDefault());
    }

    /** Like the four-argument context, with warnings going to {@code warnings}. */
    public ExecutionContext(BufferAllocator allocator, List<Object> parameters, LocalDateTime statementTime,
                            AtomicBoolean cancelled, WarningSink warnings) {
        this(QueryMemory.unlimited(allocator), parameters, statementTime, cancelled, warnings, null, Long.MAX_VALUE, ZoneId.systemDefault());
    }

    /**
     * Like the four-argument context, whose operators spill what they hold beyond half of {@code memoryLimitBytes};
     * no hard limit applies (tests of the spilling paths).
     */
    public ExecutionContext(BufferAllocator allocator, List<Object> parameters, LocalDateTime statementTime,
                            AtomicBoolean cancelled, long memoryLimitBytes) {
        this(QueryMemory.unlimited(allocator), parameters, statementTime, cancelled, WarningSink.NONE, null, memoryLimitBytes, ZoneId.systemDefault());
    }

    /** Where the operators' batches come from: the statement's allocator. */
    public BufferAllocator allocator() {
        return memory.allocator();
    }

    /** What one buffering operator (sort, aggregate, hash join build, window) may hold in memory before it spills. */
    long spillThresholdBytes() {
        return memoryLimitBytes / 2;
    }

    /**
     * Whether an operator holding {@code heldBytes} (Arrow capacity plus reserved heap) should spill now rather
     * than grow by up to {@code growthBytes} more (a growing buffer doubles its capacity, holding the old one
     * meanwhile): past half its planning limit, or when that growth (times the workers, in a parallel worker) would
     * take the statement past its hard limit while the operator holds a sizeable part of its planning limit (less
     * is not worth a spill file; the limit then decides).
     */
    boolean shouldSpill(long heldBytes, long growthBytes) {
        return shouldSpill(heldBytes, growthBytes, spillThresholdBytes());
    }

    /** Like {@link #shouldSpill(long, long)}, past {@code thresholdBytes} instead of half the planning limit. */
    boolean shouldSpill(long heldBytes, long growthBytes, long thresholdBytes) {
        if (heldBytes > thresholdBytes) {
            return true;
        }
        // spilling later needs room too: a buffer for each partition file it writes; and a parallel worker's
        // siblings may be growing as it does
        long startSpilling = SpillPartitions.COUNT * spillBufferBytes();
        long headroom = (growthBytes + startSpilling) * (worker == null || worker.serial() ? 1 : worker.count());
        return memory.limited() && heldBytes >= memoryLimitBytes / 16
                && memory.usedBytes() + headroom > memory.limitBytes();
    }

    /** The stream buffer of a spill file being written or read: 1/256 of the planning limit, 4 KiB to 64 KiB. */
    int spillBufferBytes() {
        return (int) Math.max(1 << 12, Math.min(1 << 16, memoryLimitBytes / 256));
    }

    /** This context for one worker of a {@link GatherOperator}: its share of the memory limit. */
    ExecutionContext forWorker(WorkerSlot slot) {
        return new ExecutionContext(memory, parameters, statementTime, cancelled, warnings, slot,
                Math.max(1, memoryLimitBytes / slot.count()), timeZone);
    }

    /**
     * This context for one copy of a {@link GatherOperator}'s input run on the consumer's thread, one copy after
     * another: each has the whole memory while it runs.
     */
    ExecutionContext serialWorker(WorkerSlot slot) {
        return new ExecutionContext(memory, parameters, statementTime, cancelled, warnings, slot.asSerial(), memoryLimitBytes,
                timeZone);
    }

    /** What the statement's operators together plan with (a worker's share times the workers). */
    long statementLimitBytes() {
        if (worker == null || worker.serial()) {
            return memoryLimitBytes;
        }
        return memoryLimitBytes > Long.MAX_VALUE / worker.count() ? Long.MAX_VALUE : memoryLimitBytes * worker.count();
    }
}
