package io.strata.sql.exec;

import io.strata.compute.operator.ExecutionContext;
import io.strata.compute.plan.ParallelPlans;
import io.strata.compute.plan.PhysicalNode;
import io.strata.sql.session.SessionState;
import io.strata.sql.session.SqlText;
import io.strata.txn.Transaction;
import org.apache.arrow.memory.BufferAllocator;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What one statement runs with: its transaction, the session, the allocator, bound parameter values,
 * the statement's start time in the session's time zone (NOW() is constant within it), the session's cancel flag, and for a
 * prepared UPDATE or DELETE the slot keeping its plan ({@code planSlot}, else null).
 */
public record StatementContext(Transaction transaction, SessionState session, BufferAllocator allocator,
                               List<Object> parameters, LocalDateTime now, AtomicBoolean cancelled, SqlText text,
                               PlanSlot planSlot) {
    public StatementContext {
        Objects.requireNonNull(transaction, "transaction");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(allocator, "allocator");
        parameters = Collections.unmodifiableList(new ArrayList<>(parameters)); // values may be null
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(cancelled, "cancelled");
        Objects.requireNonNull(text, "text");
    }

    /** A context without a plan slot (every statement but a prepared UPDATE or DELETE). */
    public StatementContext(Transaction transaction, SessionState session, BufferAllocator allocator,
                            List<Object> parameters, LocalDateTime now, AtomicBoolean cancelled, SqlText text) {
        this(transaction, session, allocator, parameters, now, cancelled, text, null);
    }

    public ExecutionContext executionContext() {
        Object limit = session.variables().get("strata_query_memory_limit");
        return new ExecutionContext(allocator, parameters, now, cancelled, session::addWarning, null,
                limit instanceof Number bytes && bytes.longValue() > 0 ? bytes.longValue() : Long.MAX_VALUE,
                session.timeZone());
    }

    /**
     * {@code plan} with gathers where its pipelines over large tables may run on several workers
     * ({@link ParallelPlans}), as the session's {@code strata_parallel_workers} and
     * {@code strata_parallel_min_rows} allow.
     */
    public PhysicalNode parallel(PhysicalNode plan) {
        Object workers = session.variables().get("strata_parallel_workers");
        Object minRows = session.variables().get("strata_parallel_min_rows");
        if (!(workers instanceof Number count) || !(minRows instanceof Number rows)) {
            return plan;
        }
        return ParallelPlans.parallelize(plan, count.intValue(), rows.longValue());
    }

    /** The current database, or null. */
    public String database() {
        return session.database();
    }
}
