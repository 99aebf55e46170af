package io.strata.sql.exec;

import io.strata.sql.plan.PlannedQuery;
import io.strata.sql.plan.SharedPlans;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The plan of the row-selecting query of one prepared UPDATE or DELETE, kept between executions so
 * that only the first one validates and optimizes. Valid while no DDL ran since it was planned (the
 * server's DDL counter); plans that read session values (NOW(), @vars) are never kept. A slot that
 * needs a plan takes the one other sessions made for the same statement text if it fits
 * ({@link SharedPlans}). One session uses a slot at a time.
 */
public final class PlanSlot {
    private final AtomicLong ddlEpoch;
    private final SharedPlans shared;
    private final String sql;
    private PlannedQuery plan;
    private long plannedAtEpoch;

    /** A slot for the prepared UPDATE or DELETE {@code sql}. */
    public PlanSlot(AtomicLong ddlEpoch, SharedPlans shared, String sql) {
        this.ddlEpoch = Objects.requireNonNull(ddlEpoch, "ddlEpoch");
        this.shared = Objects.requireNonNull(shared, "shared");
        this.sql = Objects.requireNonNull(sql, "sql");
    }

    /** The plan other sessions made for this statement in {@code context}'s database if it fits, else {@code planner}'s. */
    PlannedQuery sharedOr(StatementContext context, java.util.function.Supplier<PlannedQuery> planner) {
        return shared.plan(SharedPlans.Kind.ROW_SELECTION, context.database(), sql, context.transaction(), planner);
    }

    /** The kept plan, or null when there is none or DDL made it stale. */
    PlannedQuery get() {
        return plan != null && plannedAtEpoch == ddlEpoch.get() ? plan : null;
    }

    /** The epoch to record with a plan about to be made (read before planning, so DDL meanwhile invalidates it). */
    long currentEpoch() {
        return ddlEpoch.get();
    }

    void keep(PlannedQuery planned, long epoch) {
        if (!planned.sessionDependent()) {
            plan = planned;
            plannedAtEpoch = epoch;
        }
    }
}
