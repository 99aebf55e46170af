package io.strata.sql.plan.stats;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.util.ImmutableBitSet;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Rows out of an inner or outer join from the distinct values of its keys: an equi-join of L and R rows
 * on keys with NDV(l) and NDV(r) distinct values yields L * R / max(NDV(l), NDV(r)) (each value of the
 * side with fewer finds its matches among the other's). When one side's keys are unique (a primary key),
 * the other side's key values are taken to be among its population (a foreign key): a filtered dimension
 * then keeps the same share of the fact rows. Conditions besides the keys get Calcite's guesses; semi and
 * anti joins keep Calcite's estimate.
 */
public final class StrataRelMdRowCount implements MetadataHandler<BuiltInMetadata.RowCount> {
    @Override
    public MetadataDef<BuiltInMetadata.RowCount> getDef() {
        return BuiltInMetadata.RowCount.DEF;
    }

    public @Nullable Double getRowCount(Join join, RelMetadataQuery mq) {
        Double left = mq.getRowCount(join.getLeft());
        Double right = mq.getRowCount(join.getRight());
        if (!join.getJoinType().projectsRight() || left == null || right == null) {
            return RelMdUtil.getJoinRowCount(mq, join, join.getCondition());
        }
        JoinInfo info = join.analyzeCondition();
        Double keySelectivity = keySelectivity(mq, join.getLeft(), ImmutableBitSet.of(info.leftKeys),
                join.getRight(), ImmutableBitSet.of(info.rightKeys));
        if (keySelectivity == null) {
            return RelMdUtil.getJoinRowCount(mq, join, join.getCondition());
        }
        double inner = left * right * keySelectivity
                * RelMdUtil.guessSelectivity(info.getRemaining(join.getCluster().getRexBuilder()));
        return switch (join.getJoinType()) {
            case LEFT -> Math.max(left, inner);
            case RIGHT -> Math.max(right, inner);
            case FULL -> Math.max(inner, left + right);
            default -> inner;
        };
    }

    /** 1 / max(NDV(left keys), NDV(right keys)); 1 without keys; null when neither side's NDV is known. */
    private static Double keySelectivity(RelMetadataQuery mq, RelNode left, ImmutableBitSet leftKeys,
                                         RelNode right, ImmutableBitSet rightKeys) {
        if (leftKeys.isEmpty()) {
            return 1.0;
        }
        Double leftDistinct = mq.getDistinctRowCount(left, leftKeys, null);
        Double rightDistinct = mq.getDistinctRowCount(right, rightKeys, null);
        if (leftDistinct == null && rightDistinct == null) {
            return null;
        }
        leftDistinct = withinPopulation(mq, leftDistinct, right, rightKeys);
        rightDistinct = withinPopulation(mq, rightDistinct, left, leftKeys);
        double distinct = Math.max(leftDistinct == null ? 1 : leftDistinct, rightDistinct == null ? 1 : rightDistinct);
        return 1 / Math.max(1, distinct);
    }

    /** {@code distinct} capped by the population of the other side's keys when those are unique. */
    private static Double withinPopulation(RelMetadataQuery mq, Double distinct, RelNode other, ImmutableBitSet otherKeys) {
        if (distinct == null || !RelMdUtil.areColumnsDefinitelyUniqueWhenNullsFiltered(mq, other, otherKeys)) {
            return distinct;
        }
        Double population = mq.getPopulationSize(other, otherKeys);
        return population == null ? distinct : Math.min(distinct, population);
    }
}
