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
 * a cancel flag checked between batches, and inside a parallel worker its slot (else null).
 */
public record ExecutionContext(BufferAllocator allocator, List<Object> parameters, LocalDateTime statementTime,
                               AtomicBoolean cancelled, WorkerSlot worker) {
    public ExecutionContext {
        Objects.requireNonNull(allocator, "allocator");
        parameters = Collections.unmodifiableList(new ArrayList<>(parameters)); // values may be null
        Objects.requireNonNull(statementTime, "statementTime");
        Objects.requireNonNull(cancelled, "cancelled");
    }

    /** A context outside any parallel worker. */
    public ExecutionContext(BufferAllocator allocator, List<Object> parameters, LocalDateTime statementTime,
                            AtomicBoolean cancelled) {
        this(allocator, parameters, statementTime, cancelled, null);
    }

    /** This context for one worker of a {@link GatherOperator}. */
    ExecutionContext forWorker(WorkerSlot slot) {
        return new ExecutionContext(allocator, parameters, statementTime, cancelled, slot);
    }
}
