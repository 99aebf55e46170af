package io.strata.sql.plan;

import org.apache.calcite.plan.RelOptPredicateList;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

import java.util.ArrayList;
import java.util.List;

/**
 * Join conditions' {@code a <=> b} (IS NOT DISTINCT FROM, which the decorrelator writes so that NULL
 * correlation values find their groups) as {@code a = b} where a or b is never NULL, by its type or by
 * a predicate of its input such as a primary key or an {@code IS NOT NULL} filter. The two differ only
 * in giving FALSE or UNKNOWN when exactly one side is NULL, and a conjunct of a join condition matches
 * on neither. As {@code =} the conjunct is an equi-key: row and distinct-value estimates use it (as
 * {@code <=>} Calcite guesses a selectivity, and a join of small inputs can look large enough to become
 * a hash join's build side), and EXPLAIN shows it as a key.
 */
final class NullSafeEqualities {
    private NullSafeEqualities() {}

    static RelNode asEqualities(RelNode rel) {
        return rel.accept(new RelHomogeneousShuttle() {
            @Override
            public RelNode visit(RelNode other) {
                RelNode visited = super.visit(other);
                if (visited instanceof Join join) {
                    RexNode condition = rewrite(join);
                    if (condition != join.getCondition()) {
                        return join.copy(join.getTraitSet(), condition, join.getLeft(), join.getRight(),
                                join.getJoinType(), join.isSemiJoinDone());
                    }
                }
                return visited;
            }
        });
    }

    /** The join's condition with its null-safe equalities on never-NULL columns as {@code =}; the same object if none. */
    private static RexNode rewrite(Join join) {
        List<RexNode> conjuncts = RelOptUtil.conjunctions(join.getCondition());
        if (conjuncts.stream().noneMatch(conjunct -> conjunct.getKind() == SqlKind.IS_NOT_DISTINCT_FROM)) {
            return join.getCondition();
        }
        RelMetadataQuery mq = join.getCluster().getMetadataQuery();
        RexBuilder rex = join.getCluster().getRexBuilder();
        int leftCount = join.getLeft().getRowType().getFieldCount();
        RelOptPredicateList left = mq.getPulledUpPredicates(join.getLeft());
        RelOptPredicateList right = mq.getPulledUpPredicates(join.getRight()).shift(rex, leftCount);
        boolean changed = false;
        List<RexNode> rewritten = new ArrayList<>();
        for (RexNode conjunct : conjuncts) {
            if (conjunct instanceof RexCall call && call.getKind() == SqlKind.IS_NOT_DISTINCT_FROM
                    && call.getOperands().stream().anyMatch(operand -> neverNull(operand, leftCount, left, right))) {
                rewritten.add(rex.makeCall(SqlStdOperatorTable.EQUALS, call.getOperands()));
                changed = true;
            } else {
                rewritten.add(conjunct);
            }
        }
        return changed ? RexUtil.composeConjunction(rex, rewritten) : join.getCondition();
    }

    /** Whether a column of the join's inputs is never NULL there (not after an outer join pads it). */
    private static boolean neverNull(RexNode operand, int leftCount, RelOptPredicateList left, RelOptPredicateList right) {
        if (!(operand instanceof RexInputRef ref)) {
            return false;
        }
        return !ref.getType().isNullable()
                || (ref.getIndex() < leftCount ? left : right).isEffectivelyNotNull(ref);
    }
}
