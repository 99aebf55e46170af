package io.strata.sql.plan;

import io.strata.compute.plan.PhysicalNode;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Finds the bounds a filter puts on the columns of the scan below it ({@code id BETWEEN ? AND ?},
 * {@code d >= DATE '1994-01-01'}, {@code k = 5}...), one range per comparison of a column with a
 * constant, so that the scan can skip blocks and logtail segments by their zone maps and rows by value.
 * Only casts that keep every value of the column (widening) are looked through: a rounding cast
 * ({@code CAST(d AS SIGNED) >= 5}) would let a row outside the bound match. A bound of another kind (a
 * string) is dropped when the scan evaluates it.
 */
final class ScanRangeMatcher {
    private ScanRangeMatcher() {}

    /** A bound found on a scan column: the constants are still Rex, translated by the caller. */
    record Bound(int column, RexNode lower, RexNode upper) {}

    static List<Bound> match(PhysicalNode.Scan scan, RexNode condition, RexBuilder rexBuilder) {
        RexNode expanded = RexUtil.expandSearch(rexBuilder, null, condition);
        List<Bound> bounds = new ArrayList<>();
        for (RexNode conjunct : RelOptUtil.conjunctions(expanded)) {
            if (conjunct instanceof RexCall call && call.getOperands().size() == 2) {
                Bound bound = bound(scan, call.getKind(), call.getOperands().get(0), call.getOperands().get(1));
                if (bound == null) {
                    bound = bound(scan, call.getKind().reverse(), call.getOperands().get(1), call.getOperands().get(0));
                }
                if (bound != null) {
                    bounds.add(bound);
                }
            }
        }
        return joinHalves(bounds);
    }

    /**
     * Joins a lower-only and an upper-only bound of one column into one range ({@code BETWEEN} arrives as
     * {@code >=} and {@code <=}), so a scan tests each row against one range, not two.
     */
    private static List<Bound> joinHalves(List<Bound> bounds) {
        List<Bound> joined = new ArrayList<>(bounds);
        for (int i = 0; i < joined.size(); i++) {
            for (int j = i + 1; j < joined.size(); j++) {
                Bound a = joined.get(i);
                Bound b = joined.get(j);
                if (a.column() != b.column()) {
                    continue;
                }
                if (a.upper() == null && b.lower() == null && a.lower() != null) {
                    joined.set(i, new Bound(a.column(), a.lower(), b.upper()));
                    joined.remove(j);
                    break;
                }
                if (a.lower() == null && b.upper() == null && a.upper() != null) {
                    joined.set(i, new Bound(a.column(), b.lower(), a.upper()));
                    joined.remove(j);
                    break;
                }
            }
        }
        return joined;
    }

    /** {@code column <kind> value} as a bound, or null when it is not a comparison of a scan column with a constant. */
    private static Bound bound(PhysicalNode.Scan scan, SqlKind kind, RexNode column, RexNode value) {
        RexNode bare = RexConstants.stripWideningCasts(column);
        if (!(bare instanceof RexInputRef ref) || ref.getIndex() >= scan.columns().length || !RexConstants.isConstant(value)) {
            return null;
        }
        int tableColumn = scan.columns()[ref.getIndex()];
        if (scan.output().get(ref.getIndex()).type().kind() == io.strata.common.type.TypeKind.JSON) {
            return null; // JSON compares as JSON ('x' equals the stored "x"), not as the text the zone maps hold
        }
        return switch (kind) {
            case EQUALS -> new Bound(tableColumn, value, value);
            case GREATER_THAN, GREATER_THAN_OR_EQUAL -> new Bound(tableColumn, value, null);
            case LESS_THAN, LESS_THAN_OR_EQUAL -> new Bound(tableColumn, null, value);
            default -> null;
        };
    }

    static List<PhysicalNode.ScanRange> translate(List<Bound> bounds, Function<RexNode, io.strata.compute.expression.Expr> translator) {
        List<PhysicalNode.ScanRange> ranges = new ArrayList<>(bounds.size());
        for (Bound bound : bounds) {
            ranges.add(new PhysicalNode.ScanRange(bound.column(),
                    bound.lower() == null ? null : translator.apply(bound.lower()),
                    bound.upper() == null ? null : translator.apply(bound.upper())));
        }
        return ranges;
    }
}
