package io.strata.sql.plan;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;

import java.util.List;

/**
 * A validated and optimized query: the logical plan whose output is exactly the result's columns,
 * the validated row type (names as the client sees them), each column's origin
 * ({@code [database, table, column]} or null for computed columns), the parameters' types, and whether
 * session values (variables, DATABASE()...) were folded into it.
 */
public record PlannedQuery(RelNode rel, RelDataType rowType, List<List<String>> origins, RelDataType parameterRowType,
                           boolean sessionDependent) {
    public PlannedQuery {
        origins = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(origins)); // entries may be null
    }

    /** This plan, marked as holding values taken from the session (variables...), which forbids caching it. */
    public PlannedQuery withSessionDependent(boolean dependent) {
        return new PlannedQuery(rel, rowType, origins, parameterRowType, dependent);
    }
}
