package io.strata.sql.exec;

import io.strata.compute.operator.ExecutionContext;
import io.strata.compute.operator.QueryMemory;
import io.strata.compute.plan.ParallelPlans;
import io.strata.compute.plan.PhysicalNode;
import io.strata.sql.session.SessionState;
import io.strata.sql.session.SqlText;
import io.strata.txn.Transaction;
import org.apache.arrow.memory.BufferAllocator;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What one statement runs with: its transaction, the session, the server's allocator, bound parameter values,
 * the statement's start time in the session's time zone (NOW() is constant within it), the session's cancel flag, for a prepared UPDATE
 * or DELETE the slot keeping its plan ({@code planSlot}, else null), and where its operators spill.
 */
public record StatementContext(Transaction transaction, SessionState session, BufferAllocator allocator,
                               List<Object> parameters, LocalDateTime now, AtomicBoolean cancelled, SqlText text,
                               PlanSlot planSlot, Path spillDirectory) {
    public StatementContext {
        Objects.requireNonNull(transaction, "transaction");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(allocator, "allocator");
        parameters = Collections.unmodifiableList(new ArrayList<>(parameters)); // values may be null
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(cancelled, "cancelled");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(spillDirectory, "spillDirectory");
    }

    /** A context without a plan slot (every statement but a prepared UPDATE or DELETE). */
    public StatementContext(Transaction transaction, SessionState session, BufferAllocator allocator,
                            List<Object> parameters, LocalDateTime now, AtomicBoolean cancelled, SqlText text,
                            Path spillDirectory) {
        this(transaction, session, allocator, parameters, now, cancelled, text, null, spillDirectory);
    }

    /** A context without a plan slot spilling to the system's temporary directory (tests, planning only). */
    public StatementContext(Transaction transaction, SessionState session, BufferAllocator allocator,
                            List<Object> parameters, LocalDateTime now, AtomicBoolean cancelled, SqlText text) {
        this(transaction, session, allocator, parameters, now, cancelled, text, null,
                Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * A new execution of the statement's operators with its own memory ({@link QueryMemory}: a child of the
     * server's allocator limited by {@code strata_query_memory_limit}, spilling to {@link #spillDirectory}),
     * which the caller closes once the operators are closed.
     */
    public ExecutionContext executionContext() {
        Object limit = session.variables().get("strata_query_memory_limit");
        long limitBytes = limit instanceof Number bytes && bytes.longValue() > 0 ? bytes.longValue() : Long.MAX_VALUE;
        return new ExecutionContext(QueryMemory.open(allocator, limitBytes, spillDirectory), parameters, now, cancelled,
                session::addWarning, session.timeZone());
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
