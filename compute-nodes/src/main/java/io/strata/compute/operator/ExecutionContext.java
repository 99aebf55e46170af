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
 * What one query execution runs with: the allocator its batches come from, the bound parameter
 * values of a prepared statement, the statement's start time (NOW() is constant within a statement)
 * in the session's time zone ({@code timeZone}, which UNIX_TIMESTAMP and FROM_UNIXTIME also read),
 * a cancel flag checked between batches, where warnings go, inside a parallel worker its slot (else
 * null), and the memory its operators may buffer ({@code memoryLimitBytes}): past half of it, sorts,
 * aggregates and hash joins spill to disk.
 */
public record ExecutionContext(BufferAllocator allocator, List<Object> parameters, LocalDateTime statementTime,
                               AtomicBoolean cancelled, WarningSink warnings, WorkerSlot worker, long memoryLimitBytes,
                               ZoneId timeZone) {
    public ExecutionContext {
        Objects.requireNonNull(allocator, "allocator");
        parameters = Collections.unmodifiableList(new ArrayList<>(parameters)); // values may be null
        Objects.requireNonNull(statementTime, "statementTime");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(cancelled, "cancelled");
        Objects.requireNonNull(warnings, "warnings");
        if (memoryLimitBytes <= 0) {
            throw new IllegalArgumentException("memory limit must be positive: " + memoryLimitBytes);
        }
    }

    /** A context outside any parallel worker, without a memory limit, whose warnings are dropped. */
    public ExecutionContext(BufferAllocator allocator, List<Object> parameters, LocalDateTime statementTime,
                            AtomicBoolean cancelled) {
        this(allocator, parameters, statementTime, cancelled, WarningSink.NONE, null, Long.MAX_VALUE, ZoneId.systemDefault());
    }

    /** Like the four-argument context, with warnings going to {@code warnings}. */
    public ExecutionContext(BufferAllocator allocator, List<Object> parameters, LocalDateTime statementTime,
                            AtomicBoolean cancelled, WarningSink warnings) {
        this(allocator, parameters, statementTime, cancelled, warnings, null, Long.MAX_VALUE, ZoneId.systemDefault());
    }

    /** Like the four-argument context, whose operators spill what they buffer beyond half of {@code memoryLimitBytes}. */
    public ExecutionContext(BufferAllocator allocator, List<Object> parameters, LocalDateTime statementTime,
                            AtomicBoolean cancelled, long memoryLimitBytes) {
        this(allocator, parameters, statementTime, cancelled, WarningSink.NONE, null, memoryLimitBytes, ZoneId.systemDefault());
    }

    /** What one buffering operator (sort, aggregate, hash join build) may hold in memory before it spills. */
    long spillThresholdBytes() {
        return memoryLimitBytes / 2;
    }

    /** This context for one worker of a {@link GatherOperator}: its share of the memory limit. */
    ExecutionContext forWorker(WorkerSlot slot) {
        return new ExecutionContext(allocator, parameters, statementTime, cancelled, warnings, slot,
                Math.max(1, memoryLimitBytes / slot.count()), timeZone);
    }
}
