package io.strata.sql.plan;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableIntList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Columns {@code keys} of relation {@code rel}, traced down to the relations their values come from. A step
 * down goes through a projection of the columns, a filter, an aggregate grouping by them, or a join input
 * that carries them to the join's output: either input of an inner join (also across its {@code =} and
 * {@code <=>} conditions to the other input's equal column), an outer join's preserved input, a semi or
 * anti join's left input; not through window functions, sorts, unions. Each step keeps what semi-join
 * reduction relies on: (1) every key value of the relation above, NULL included, is a key value of the
 * relation below; (2) removing the rows below whose key values are outside a set removes exactly the rows
 * above whose key values are outside it.
 */
record KeyColumns(RelNode rel, ImmutableIntList keys) {
    KeyColumns {
        rel = Objects.requireNonNull(rel, "rel").stripped(); // a HepRelVertex stands for the relation it holds
        Objects.requireNonNull(keys, "keys");
        int width = rel.getRowType().getFieldCount();
        assert keys.stream().allMatch(key -> key >= 0 && key < width) : keys + " of " + rel;
    }

    /** The relations one step down: every input that carries the keys, also across an inner join's equalities. */
    List<KeyColumns> below() {
        if (rel instanceof Join join) {
            return throughJoin(join, true).stream().map(Carried::columns).toList();
        }
        Carried carrier = carrier();
        return carrier == null ? List.of() : List.of(carrier.columns());
    }

    /** The input that carries the keys themselves (not an equal column) to the output, or null. */
    Carried carrier() {
        return switch (rel) {
            case Filter filter -> new Carried(0, new KeyColumns(filter.getInput(), keys));
            case Project project -> throughProject(project);
            case Aggregate aggregate -> throughAggregate(aggregate);
            case Join join -> throughJoin(join, false).stream().findFirst().orElse(null);
            default -> null;
        };
    }

    /** Input number {@code input} of the relation, and the keys as its columns. */
    record Carried(int input, KeyColumns columns) {}

    private Carried throughProject(Project project) {
        if (RexOver.containsOver(project.getProjects(), null)) {
            return null; // a window function's value depends on the rows beside this one: (2) would not hold
        }
        List<Integer> input = new ArrayList<>();
        for (int key : keys) {
            if (!(project.getProjects().get(key) instanceof RexInputRef ref)) {
                return null;
            }
            input.add(ref.getIndex());
        }
        return new Carried(0, new KeyColumns(project.getInput(), ImmutableIntList.copyOf(input)));
    }

    private Carried throughAggregate(Aggregate aggregate) {
        if (aggregate.getGroupType() != Aggregate.Group.SIMPLE
                || keys.stream().anyMatch(key -> key >= aggregate.getGroupCount())) {
            return null;
        }
        List<Integer> groupColumns = aggregate.getGroupSet().asList();
        return new Carried(0, new KeyColumns(aggregate.getInput(),
                ImmutableIntList.copyOf(keys.stream().map(groupColumns::get).toList())));
    }

    /** The inputs that carry the keys, those that carry them themselves first; {@code across}: also by equalities. */
    private List<Carried> throughJoin(Join join, boolean across) {
        JoinRelType type = join.getJoinType();
        int leftCount = join.getLeft().getRowType().getFieldCount();
        boolean leftCarries = type == JoinRelType.INNER || type == JoinRelType.LEFT || type == JoinRelType.SEMI
                || type == JoinRelType.ANTI;
        boolean rightCarries = type == JoinRelType.INNER || type == JoinRelType.RIGHT;
        // Only an inner join's rows all satisfy its condition: an outer join's padded rows do not.
        Map<Integer, Integer> equal = across && type == JoinRelType.INNER
                ? equalColumns(join.getCondition(), leftCount) : Map.of();
        List<Carried> out = new ArrayList<>();
        Traced left = leftCarries ? traced(0, leftCount, equal) : null;
        Traced right = rightCarries ? traced(leftCount, join.getRowType().getFieldCount(), equal) : null;
        for (boolean direct : new boolean[] {true, false}) {
            if (left != null && left.direct() == direct) {
                out.add(new Carried(0, new KeyColumns(join.getLeft(), left.columns())));
            }
            if (right != null && right.direct() == direct) {
                out.add(new Carried(1, new KeyColumns(join.getRight(), right.columns())));
            }
        }
        return out;
    }

    /** The keys as columns of one join input. {@code direct}: none was reached across an equality. */
    private record Traced(ImmutableIntList columns, boolean direct) {}

    /** The keys as columns of the join input spanning join fields [from, to); null when a key is not there. */
    private Traced traced(int from, int to, Map<Integer, Integer> equal) {
        List<Integer> columns = new ArrayList<>();
        boolean direct = true;
        for (int key : keys) {
            int column = key;
            if (key < from || key >= to) {
                Integer other = equal.get(key);
                if (other == null || other < from || other >= to) {
                    return null;
                }
                column = other;
                direct = false;
            }
            columns.add(column - from);
        }
        return new Traced(ImmutableIntList.copyOf(columns), direct);
    }

    /** For each column of a {@code =} or {@code <=>} conjunct between a left and a right column, the other one. */
    private static Map<Integer, Integer> equalColumns(RexNode condition, int leftCount) {
        Map<Integer, Integer> equal = new HashMap<>();
        for (RexNode conjunct : RelOptUtil.conjunctions(condition)) {
            if (conjunct instanceof RexCall call
                    && (call.getKind() == SqlKind.EQUALS || call.getKind() == SqlKind.IS_NOT_DISTINCT_FROM)
                    && call.getOperands().get(0) instanceof RexInputRef a && call.getOperands().get(1) instanceof RexInputRef b
                    && (a.getIndex() < leftCount) != (b.getIndex() < leftCount)) {
                equal.putIfAbsent(a.getIndex(), b.getIndex());
                equal.putIfAbsent(b.getIndex(), a.getIndex());
            }
        }
        return equal;
    }
}
