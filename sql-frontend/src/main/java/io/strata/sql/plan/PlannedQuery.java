package io.strata.sql.plan;

import io.strata.compute.plan.PhysicalNode;
import io.strata.txn.Transaction;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A validated and optimized query: the logical plan whose output is exactly the result's columns,
 * the validated row type (names as the client sees them), each column's origin
 * ({@code [database, table, column]} or null for computed columns), the parameters' types, and whether
 * session values (variables, DATABASE()...) were folded into it. A cached plan also keeps its
 * translation into a physical plan ({@code translated}, filled by the first {@link #physicalPlan}).
 */
public record PlannedQuery(RelNode rel, RelDataType rowType, List<List<String>> origins, RelDataType parameterRowType,
                           boolean sessionDependent, AtomicReference<PhysicalPlanTemplate> translated) {
    public PlannedQuery {
        origins = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(origins)); // entries may be null
    }

    public PlannedQuery(RelNode rel, RelDataType rowType, List<List<String>> origins, RelDataType parameterRowType,
                        boolean sessionDependent) {
        this(rel, rowType, origins, parameterRowType, sessionDependent, new AtomicReference<>());
    }

    /** This plan, marked as holding values taken from the session (variables...), which forbids caching it. */
    public PlannedQuery withSessionDependent(boolean dependent) {
        return new PlannedQuery(rel, rowType, origins, parameterRowType, dependent);
    }

    /**
     * The physical plan of this query reading {@code transaction}'s snapshots: the kept translation bound
     * to it when there is one, else translated from {@link #rel} (and kept when nothing in it belongs to
     * this execution).
     */
    public PhysicalNode physicalPlan(Transaction transaction, List<Object> parameters) {
        PhysicalPlanTemplate template = translated.get();
        if (template != null) {
            PhysicalNode bound = template.bind(transaction);
            if (bound != null) {
                return bound;
            }
        }
        synchronized (translated) { // a plan may be shared by sessions (SharedPlans): one translation at a time
            RelToPhysical translator = new RelToPhysical(rel.getCluster().getRexBuilder(), transaction, parameters);
            PhysicalNode plan = translator.translate(rel);
            if (translator.reusable()) {
                translated.set(new PhysicalPlanTemplate(plan));
            }
            return plan;
        }
    }
}
