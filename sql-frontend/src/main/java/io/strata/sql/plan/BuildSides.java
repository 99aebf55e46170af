package io.strata.sql.plan;

import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.rules.JoinCommuteRule;
import org.apache.calcite.tools.RelBuilder;

/**
 * The hash join buffers its right input and streams its left: each inner join whose right input is
 * estimated larger than its left gets its inputs swapped (a projection restores the column order), so
 * the smaller side is the one held in memory. Row estimates come from the statistics-backed metadata.
 */
final class BuildSides {
    /** Swap only when the right side is clearly larger: estimates are rough and a swap adds a projection. */
    private static final double MARGIN = 1.5;

    private BuildSides() {}

    static RelNode smallerOnTheRight(RelNode rel, RelBuilder relBuilder) {
        return rel.accept(new RelHomogeneousShuttle() {
            @Override
            public RelNode visit(RelNode other) {
                RelNode visited = super.visit(other);
                if (visited instanceof Join join && join.getJoinType() == JoinRelType.INNER && rightIsLarger(join)) {
                    RelNode swapped = JoinCommuteRule.swap(join, false, relBuilder);
                    return swapped == null ? join : swapped;
                }
                return visited;
            }
        });
    }

    private static boolean rightIsLarger(Join join) {
        RelMetadataQuery mq = join.getCluster().getMetadataQuery();
        Double left = mq.getRowCount(join.getLeft());
        Double right = mq.getRowCount(join.getRight());
        return left != null && right != null && right > left * MARGIN;
    }
}
