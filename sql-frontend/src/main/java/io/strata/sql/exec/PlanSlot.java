package io.strata.sql.exec;

import io.strata.sql.plan.PlannedQuery;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The plan of the row-selecting query of one prepared UPDATE or DELETE, kept between executions so
 * that only the first one validates and optimizes. Valid while no DDL ran since it was planned (the
 * server's DDL counter); plans that read session values (NOW(), @vars) are never kept. One session
 * uses a slot at a time.
 */
public final class PlanSlot {
    private final AtomicLong ddlEpoch;
    private PlannedQuery plan;
    private long plannedAtEpoch;

    public PlanSlot(AtomicLong ddlEpoch) {
        this.ddlEpoch = Objects.requireNonNull(ddlEpoch, "ddlEpoch");
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
