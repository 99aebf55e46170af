package io.strata.sql.plan;

import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Rewrites aggregate calls with a FILTER (which Calcite's EXCEPT rewrite makes) into calls over a CASE
 * argument, which the executor's aggregates already handle: {@code SUM(x) FILTER (WHERE f)} becomes
 * {@code SUM(CASE WHEN f THEN x END)} and {@code COUNT(*) FILTER (WHERE f)} becomes
 * {@code COUNT(CASE WHEN f THEN TRUE END)}: rows the filter rejects give NULL, which these aggregates skip.
 */
final class AggregateFilters {
    private AggregateFilters() {}

    /** {@code rel} with every aggregate call's FILTER moved into its arguments. */
    static RelNode intoArguments(RelNode rel) {
        return rel.accept(new RelHomogeneousShuttle() {
            @Override
            public RelNode visit(RelNode other) {
                RelNode visited = super.visit(other);
                return visited instanceof Aggregate aggregate && hasFilter(aggregate) ? rewrite(aggregate) : visited;
            }
        });
    }

    private static boolean hasFilter(Aggregate aggregate) {
        return aggregate.getAggCallList().stream().anyMatch(call -> call.filterArg >= 0);
    }

    private static RelNode rewrite(Aggregate aggregate) {
        RexBuilder rex = aggregate.getCluster().getRexBuilder();
        RelNode input = aggregate.getInput();
        List<RexNode> projects = new ArrayList<>(rex.identityProjects(input.getRowType()));
        List<AggregateCall> calls = new ArrayList<>();
        for (AggregateCall call : aggregate.getAggCallList()) {
            if (call.filterArg < 0) {
                calls.add(call);
                continue;
            }
            if (!skipsNulls(call.getAggregation().getKind())) {
                throw UnsupportedFeature.of("aggregate " + call.getAggregation().getName() + " with FILTER");
            }
            RexNode filter = rex.makeInputRef(input, call.filterArg);
            List<RexNode> arguments = new ArrayList<>();
            if (call.getArgList().isEmpty()) {
                arguments.add(rex.makeLiteral(true)); // COUNT(*): count the rows the filter keeps
            } else {
                call.getArgList().forEach(argument -> arguments.add(rex.makeInputRef(input, argument)));
            }
            List<Integer> filtered = new ArrayList<>();
            for (RexNode argument : arguments) {
                projects.add(rex.makeCall(SqlStdOperatorTable.CASE, filter, argument,
                        rex.makeNullLiteral(argument.getType())));
                filtered.add(projects.size() - 1);
            }
            calls.add(call.withArgList(filtered).withFilter(-1));
        }
        RelNode project = LogicalProject.create(input, List.of(), projects, (List<String>) null, Set.of());
        return aggregate.copy(aggregate.getTraitSet(), project, aggregate.getGroupSet(), aggregate.getGroupSets(), calls);
    }

    /** Aggregates that ignore NULL arguments, so a NULL for each rejected row leaves them as the filter would. */
    private static boolean skipsNulls(SqlKind kind) {
        return switch (kind) {
            case COUNT, SUM, SUM0, AVG, MIN, MAX -> true;
            default -> false;
        };
    }
}
