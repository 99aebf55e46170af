package io.strata.sql.plan;

import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * Pulls the terms every branch of an OR shares out in front of it, in filters and join conditions:
 * {@code (a AND b) OR (a AND c)} becomes {@code a AND (b OR c)}. TPC-H Q19 repeats its join condition
 * in each of three OR branches; pulled out, it is an equi-join the hash join can use instead of a
 * nested loop over the cross product.
 */
final class OrFactors {
    private OrFactors() {}

    static RelNode pullOut(RelNode rel) {
        return rel.accept(new RelHomogeneousShuttle() {
            @Override
            public RelNode visit(RelNode other) {
                RelNode visited = super.visit(other);
                if (visited instanceof Filter filter) {
                    RexNode pulled = pulled(filter, filter.getCondition());
                    return pulled == filter.getCondition() ? filter
                            : filter.copy(filter.getTraitSet(), filter.getInput(), pulled);
                }
                if (visited instanceof Join join) {
                    RexNode pulled = pulled(join, join.getCondition());
                    return pulled == join.getCondition() ? join : join.copy(join.getTraitSet(), pulled,
                            join.getLeft(), join.getRight(), join.getJoinType(), join.isSemiJoinDone());
                }
                return visited;
            }
        });
    }

    private static RexNode pulled(RelNode rel, RexNode condition) {
        if (RexUtil.findOperatorCall(SqlStdOperatorTable.OR, condition) == null) {
            return condition;
        }
        RexNode pulled = RexUtil.pullFactors(rel.getCluster().getRexBuilder(), condition);
        return pulled.equals(condition) ? condition : pulled;
    }
}
