package io.strata.compute.operator;

import org.apache.arrow.memory.BufferAllocator;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What one query execution runs with: the allocator its batches come from, the bound parameter
 * values of a prepared statement, the statement's start time (NOW() is constant within a statement),
 * a cancel flag checked between batches, inside a parallel worker its slot (else null), and the memory
 * its operators may buffer ({@code memoryLimitBytes}): a sort holding more spills sorted runs to disk.
 */
public record ExecutionContext(BufferAllocator allocator, List<Object> parameters, LocalDateTime statementTime,
                               AtomicBoolean cancelled, WorkerSlot worker, long memoryLimitBytes) {
    public ExecutionContext {
        Objects.requireNonNull(allocator, "allocator");
        parameters = Collections.unmodifiableList(new ArrayList<>(parameters)); // values may be null
        Objects.requireNonNull(statementTime, "statementTime");
        Objects.requireNonNull(cancelled, "cancelled");
        if (memoryLimitBytes <= 0) {
            throw new IllegalArgumentException("memory limit must be positive: " + memoryLimitBytes);
        }
    }

    /** A context outside any parallel worker. */
    public ExecutionContext(BufferAllocator allocator, List<Object> parameters, LocalDateTime statementTime,
                            AtomicBoolean cancelled) {
        this(allocator, parameters, statementTime, cancelled, null, Long.MAX_VALUE);
    }

    /** A context outside any parallel worker whose operators spill what they buffer beyond {@code memoryLimitBytes}. */
    public ExecutionContext(BufferAllocator allocator, List<Object> parameters, LocalDateTime statementTime,
                            AtomicBoolean cancelled, long memoryLimitBytes) {
        this(allocator, parameters, statementTime, cancelled, null, memoryLimitBytes);
    }

    /** What one buffering operator (a sort) may hold in memory before it spills to disk: half the limit. */
    long spillThresholdBytes() {
        return memoryLimitBytes / 2;
    }

    /** This context for one worker of a {@link GatherOperator}. */
    ExecutionContext forWorker(WorkerSlot slot) {
        return new ExecutionContext(allocator, parameters, statementTime, cancelled, slot, memoryLimitBytes);
    }
}
