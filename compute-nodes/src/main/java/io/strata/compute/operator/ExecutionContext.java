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
 * a cancel flag checked between batches, and where warnings go.
 */
public record ExecutionContext(BufferAllocator allocator, List<Object> parameters, LocalDateTime statementTime,
                               AtomicBoolean cancelled, WarningSink warnings) {
    public ExecutionContext {
        Objects.requireNonNull(allocator, "allocator");
        parameters = Collections.unmodifiableList(new ArrayList<>(parameters)); // values may be null
        Objects.requireNonNull(statementTime, "statementTime");
        Objects.requireNonNull(cancelled, "cancelled");
        Objects.requireNonNull(warnings, "warnings");
    }

    /** A context whose warnings are dropped. */
    public ExecutionContext(BufferAllocator allocator, List<Object> parameters, LocalDateTime statementTime,
                            AtomicBoolean cancelled) {
        this(allocator, parameters, statementTime, cancelled, WarningSink.NONE);
    }
}
