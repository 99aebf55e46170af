package io.strata.sql.plan;

import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.tools.RelBuilderFactory;
import org.apache.calcite.util.ImmutableIntList;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Semi-join reduction of an aggregate (the "magic set" rewrite): where a join's one input aggregates by the
 * join key (perhaps under projections and a HAVING filter) and its other input holds few of the key's
 * values, the rows under the aggregate are first semi-joined with those values, so that only groups that
 * can find a partner are computed. TPC-H Q17's
 * correlated {@code avg(l_quantity)} per part is decorrelated into an aggregate over all of lineitem joined
 * with the few parts the outer query keeps; reduced, lineitem only probes a hash table of those parts and
 * the aggregate sees their rows alone.
 *
 * <p>Correct because the semi join decides by group key alone, so a group is kept or dropped whole (its
 * aggregates do not change), and it drops only groups whose key equals no key of the other input (under the
 * join's own comparison, {@code =} or {@code <=>}, so NULL keys match only where the join matches them):
 * groups the join cannot match. That is harmless only where the join drops the aggregate's unmatched rows:
 * either input of an inner or semi join, the right of a LEFT or anti join, the left of a RIGHT join; never
 * a FULL join's. Conjuncts other than key equalities on group columns only make the join match less.
 *
 * <p>The key values are read from the relation under the other input that holds a superset of them at the
 * least cost (a filtered dimension rather than the join that contains it, see {@link KeyColumns}); the semi
 * join goes as deep under the aggregate as the group key can be traced, but not between a scan and its
 * filter, so the rows it drops skip the operators in between and the scan still prunes by zone maps. It
 * fires only when {@link SemiJoinReductionCost} estimates that it saves work. An aggregate whose traced input
 * already passes a semi join is left alone: that is what this rule makes, and reducing it again gains nothing.
 */
final class SemiJoinReductionRule extends RelRule<SemiJoinReductionRule.Config> {
    /** Key sources looked at under the other input: bounds the search in a plan with many joins. */
    private static final int MAX_SOURCES = 64;

    static final SemiJoinReductionRule INSTANCE = new SemiJoinReductionRule(new Config(
            org.apache.calcite.rel.core.RelFactories.LOGICAL_BUILDER,
            "SemiJoinReductionRule", b -> b.operand(LogicalJoin.class).anyInputs()));

    private SemiJoinReductionRule(Config config) {
        super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        Join join = call.rel(0);
        if (!join.getVariablesSet().isEmpty()) {
            return; // a correlated join: its right input is evaluated per left row
        }
        RelNode reduced = reduce(join, false);
        if (reduced == null) {
            reduced = reduce(join, true);
        }
        if (reduced != null) {
            call.transformTo(reduced);
        }
    }

    /** {@code join} with its right (or left) input's aggregate reduced, or null when that does not apply or pay. */
    private static RelNode reduce(Join join, boolean aggregateOnLeft) {
        if (!dropsUnmatched(join.getJoinType(), aggregateOnLeft)) {
            return null;
        }
        RelNode side = aggregateOnLeft ? join.getLeft() : join.getRight();
        List<RelNode> above = new ArrayList<>(); // projections and filters (HAVING) between the join and the aggregate
        RelNode rel = side.stripped();
        while (rel instanceof Project || rel instanceof Filter) {
            if (rel instanceof Project project && RexOver.containsOver(project.getProjects(), null)) {
                return null; // a window over the groups sees all of them
            }
            above.add(rel);
            rel = rel.getInput(0).stripped();
        }
        if (!(rel instanceof Aggregate aggregate) || aggregate.getGroupType() != Aggregate.Group.SIMPLE
                || aggregate.getGroupCount() == 0) {
            return null;
        }
        GroupKeyEqualities keys = GroupKeyEqualities.of(join, aggregateOnLeft, above, aggregate);
        if (keys.equalities().isEmpty()) {
            return null;
        }
        RelNode reduced = reduceAggregate(join, aggregate, keys,
                new KeyColumns(aggregateOnLeft ? join.getRight() : join.getLeft(), keys.otherKeys()));
        if (reduced == null) {
            return null;
        }
        for (RelNode parent : above.reversed()) {
            reduced = parent.copy(parent.getTraitSet(), List.of(reduced));
        }
        return join.copy(join.getTraitSet(), join.getCondition(), aggregateOnLeft ? reduced : join.getLeft(),
                aggregateOnLeft ? join.getRight() : reduced, join.getJoinType(), join.isSemiJoinDone());
    }

    /**
     * The conjuncts of a join condition that equate ({@code =} or {@code <=>}) a group key of the aggregate on
     * one side with a column of the other side: the group keys' positions in the aggregate's input, and the
     * other side's columns.
     */
    private record GroupKeyEqualities(List<RexCall> equalities, ImmutableIntList inputKeys, ImmutableIntList otherKeys) {
        static GroupKeyEqualities of(Join join, boolean aggregateOnLeft, List<RelNode> above, Aggregate aggregate) {
            List<RexCall> equalities = new ArrayList<>();
            List<Integer> inputKeys = new ArrayList<>();
            List<Integer> otherKeys = new ArrayList<>();
            int leftCount = join.getLeft().getRowType().getFieldCount();
            int aggregateOffset = aggregateOnLeft ? 0 : leftCount;
            for (RexNode conjunct : RelOptUtil.conjunctions(join.getCondition())) {
                if (conjunct instanceof RexCall call
                        && (call.getKind() == SqlKind.EQUALS || call.getKind() == SqlKind.IS_NOT_DISTINCT_FROM)
                        && call.getOperands().get(0) instanceof RexInputRef a && call.getOperands().get(1) instanceof RexInputRef b
                        && (a.getIndex() < leftCount) != (b.getIndex() < leftCount)) {
                    RexInputRef mine = (a.getIndex() < leftCount) == aggregateOnLeft ? a : b;
                    RexInputRef other = mine == a ? b : a;
                    int groupKey = groupKey(above, aggregate, mine.getIndex() - aggregateOffset);
                    if (groupKey >= 0) {
                        equalities.add(call);
                        inputKeys.add(aggregate.getGroupSet().asList().get(groupKey));
                        otherKeys.add(other.getIndex() - (aggregateOnLeft ? leftCount : 0));
                    }
                }
            }
            return new GroupKeyEqualities(equalities, ImmutableIntList.copyOf(inputKeys), ImmutableIntList.copyOf(otherKeys));
        }

        /** The aggregate's group key behind field {@code field} of the relation on top of {@code above}, or -1. */
        private static int groupKey(List<RelNode> above, Aggregate aggregate, int field) {
            for (RelNode rel : above) {
                if (rel instanceof Project project) {
                    if (!(project.getProjects().get(field) instanceof RexInputRef ref)) {
                        return -1;
                    }
                    field = ref.getIndex();
                }
            }
            return field < aggregate.getGroupCount() ? field : -1;
        }
    }

    /** Whether the join drops the rows of that input that match nothing, so that groups without a partner may go. */
    private static boolean dropsUnmatched(JoinRelType type, boolean aggregateOnLeft) {
        return switch (type) {
            case INNER, SEMI -> true;
            case LEFT, ANTI -> !aggregateOnLeft;
            case RIGHT -> aggregateOnLeft;
            default -> false;
        };
    }

    /** The aggregate over its input with a semi join on the group keys added deep inside, or null. */
    private static RelNode reduceAggregate(Join join, Aggregate aggregate, GroupKeyEqualities keys, KeyColumns other) {
        List<KeyColumns.Carried> path = pathDown(new KeyColumns(aggregate.getInput(), keys.inputKeys()));
        if (path == null) {
            return null;
        }
        KeyColumns target = path.getLast().columns();
        List<KeyColumns> sources = sources(other).stream().filter(source -> sameTypes(target, source)).toList();
        KeyColumns source = SemiJoinReductionCost.bestSource(join.getCluster().getMetadataQuery(), aggregate,
                path.stream().map(KeyColumns.Carried::columns).toList(), sources);
        if (source == null) {
            return null;
        }
        RelNode input = semiJoin(target, source, keys.equalities());
        for (int i = path.size() - 2; i >= 0; i--) {
            RelNode parent = path.get(i).columns().rel();
            List<RelNode> inputs = new ArrayList<>(parent.getInputs());
            inputs.set(path.get(i + 1).input(), input);
            input = parent.copy(parent.getTraitSet(), inputs);
        }
        return aggregate.copy(aggregate.getTraitSet(), List.of(input));
    }

    /**
     * From the aggregate's input down through the inputs that carry the keys, to the deepest one but not
     * between a scan and its filter; null if that passes a semi join (the input was reduced already).
     */
    private static List<KeyColumns.Carried> pathDown(KeyColumns start) {
        List<KeyColumns.Carried> path = new ArrayList<>(List.of(new KeyColumns.Carried(0, start)));
        while (true) { // each step goes one input down: bounded by the plan's depth
            RelNode last = path.getLast().columns().rel();
            if (last instanceof Join join && join.getJoinType() == JoinRelType.SEMI) {
                return null;
            }
            KeyColumns.Carried below = path.getLast().columns().carrier();
            if (below == null || last instanceof Filter filter && filter.getInput().stripped() instanceof TableScan) {
                return path;
            }
            path.add(below);
        }
    }

    /** The other input and every relation under it that holds a superset of its key values, breadth first. */
    private static List<KeyColumns> sources(KeyColumns other) {
        List<KeyColumns> found = new ArrayList<>();
        Deque<KeyColumns> pending = new ArrayDeque<>(List.of(other));
        while (!pending.isEmpty() && found.size() < MAX_SOURCES) {
            KeyColumns next = pending.removeFirst();
            found.add(next);
            pending.addAll(next.below());
        }
        return found;
    }

    private static boolean sameTypes(KeyColumns target, KeyColumns source) {
        for (int i = 0; i < target.keys().size(); i++) {
            if (!SqlTypeUtil.equalSansNullability(target.rel().getRowType().getFieldList().get(target.keys().get(i)).getType(),
                    source.rel().getRowType().getFieldList().get(source.keys().get(i)).getType())) {
                return false;
            }
        }
        return true;
    }

    /** target ⋉ source on the keys, each compared as the join compared it. */
    private static RelNode semiJoin(KeyColumns target, KeyColumns source, List<RexCall> equalities) {
        RexBuilder rex = target.rel().getCluster().getRexBuilder();
        int width = target.rel().getRowType().getFieldCount();
        List<RexNode> conditions = new ArrayList<>();
        for (int i = 0; i < equalities.size(); i++) {
            conditions.add(rex.makeCall(equalities.get(i).getOperator(),
                    rex.makeInputRef(target.rel(), target.keys().get(i)),
                    new RexInputRef(width + source.keys().get(i),
                            source.rel().getRowType().getFieldList().get(source.keys().get(i)).getType())));
        }
        return LogicalJoin.create(target.rel(), source.rel(), List.of(), RexUtil.composeConjunction(rex, conditions),
                Set.of(), JoinRelType.SEMI);
    }

    /** The rule's configuration, as Calcite's rules keep theirs; a plain record instead of an Immutables one. */
    record Config(RelBuilderFactory relBuilderFactory, String description, OperandTransform operandSupplier)
            implements RelRule.Config {
        @Override
        public SemiJoinReductionRule toRule() {
            return new SemiJoinReductionRule(this);
        }

        @Override
        public Config withRelBuilderFactory(RelBuilderFactory factory) {
            return new Config(factory, description, operandSupplier);
        }

        @Override
        public Config withDescription(String newDescription) {
            return new Config(relBuilderFactory, newDescription, operandSupplier);
        }

        @Override
        public Config withOperandSupplier(OperandTransform transform) {
            return new Config(relBuilderFactory, description, transform);
        }
    }
}
