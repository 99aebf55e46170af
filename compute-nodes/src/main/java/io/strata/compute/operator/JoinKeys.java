package io.strata.compute.operator;

import io.strata.common.type.DataType;
import io.strata.common.type.TypeKind;
import io.strata.compute.expression.Expr;
import io.strata.compute.expression.ScalarFunction;
import io.strata.compute.plan.OutputColumn;
import io.strata.compute.plan.PhysicalNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The keys a hash join hashes on: the plan's equi-keys, plus equalities between a left and a right
 * column found among the residual's conjuncts ({@code =}, and {@code <=>} / IS NOT DISTINCT FROM,
 * whose NULLs match each other, as decorrelated subqueries produce). Whatever is not a key stays the
 * residual. Keys are only taken from the residual when both sides hash alike (numbers with numbers,
 * strings with strings, dates with datetimes).
 */
record JoinKeys(int[] left, int[] right, boolean[] nullSafe, Expr residual) {

    static JoinKeys of(PhysicalNode.Join plan, List<OutputColumn> leftColumns, List<OutputColumn> rightColumns) {
        List<int[]> pairs = new ArrayList<>();
        List<Boolean> nullSafe = new ArrayList<>();
        for (int k = 0; k < plan.leftKeys().length; k++) {
            pairs.add(new int[] {plan.leftKeys()[k], plan.rightKeys()[k]});
            nullSafe.add(false);
        }
        List<Expr> remaining = new ArrayList<>();
        int leftWidth = leftColumns.size();
        for (Expr conjunct : conjuncts(plan.residual())) {
            int[] pair = keyPair(conjunct, leftWidth);
            if (pair != null && hashAlike(leftColumns.get(pair[0]).type(), rightColumns.get(pair[1]).type())) {
                pairs.add(pair);
                nullSafe.add(((Expr.Call) conjunct).function() == ScalarFunction.IS_NOT_DISTINCT_FROM);
            } else {
                remaining.add(conjunct);
            }
        }
        int[] left = new int[pairs.size()];
        int[] right = new int[pairs.size()];
        boolean[] safe = new boolean[pairs.size()];
        for (int k = 0; k < left.length; k++) {
            left[k] = pairs.get(k)[0];
            right[k] = pairs.get(k)[1];
            safe[k] = nullSafe.get(k);
        }
        Expr residual = switch (remaining.size()) {
            case 0 -> null;
            case 1 -> remaining.get(0);
            default -> new Expr.Call(ScalarFunction.AND, remaining, DataType.BOOLEAN);
        };
        return new JoinKeys(left, right, safe, residual);
    }

    private static List<Expr> conjuncts(Expr condition) {
        List<Expr> out = new ArrayList<>();
        if (condition == null) {
            return out;
        }
        if (condition instanceof Expr.Call call && call.function() == ScalarFunction.AND) {
            for (Expr argument : call.arguments()) {
                out.addAll(conjuncts(argument));
            }
        } else {
            out.add(condition);
        }
        return out;
    }

    /** {left column, right column} when the conjunct equates a left column with a right one, else null. */
    private static int[] keyPair(Expr conjunct, int leftWidth) {
        if (!(conjunct instanceof Expr.Call call) || call.arguments().size() != 2
                || call.function() != ScalarFunction.EQUALS && call.function() != ScalarFunction.IS_NOT_DISTINCT_FROM) {
            return null;
        }
        if (!(call.arguments().get(0) instanceof Expr.ColumnRef a) || !(call.arguments().get(1) instanceof Expr.ColumnRef b)) {
            return null;
        }
        if (a.index() < leftWidth && b.index() >= leftWidth) {
            return new int[] {a.index(), b.index() - leftWidth};
        }
        if (b.index() < leftWidth && a.index() >= leftWidth) {
            return new int[] {b.index(), a.index() - leftWidth};
        }
        return null;
    }

    /** Whether {@link RowKey} normalizes both types so that equal values (as = compares them) hash equal. */
    private static boolean hashAlike(DataType left, DataType right) {
        TypeKind a = left.kind();
        TypeKind b = right.kind();
        if (a.isNumeric() && b.isNumeric() || a.isString() && b.isString()) {
            return true;
        }
        boolean dateLike = (a == TypeKind.DATE || a == TypeKind.DATETIME || a == TypeKind.TIMESTAMP)
                && (b == TypeKind.DATE || b == TypeKind.DATETIME || b == TypeKind.TIMESTAMP);
        return dateLike || a == b && (a == TypeKind.TIME || a == TypeKind.VARBINARY || a == TypeKind.BLOB);
    }
}
