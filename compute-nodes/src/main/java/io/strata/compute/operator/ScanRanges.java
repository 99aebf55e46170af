package io.strata.compute.operator;

import io.strata.compute.expression.ExpressionEvaluator;
import io.strata.compute.plan.PhysicalNode;
import io.strata.txn.ColumnRange;

import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a scan's range expressions into the values zone maps are compared with. Only numbers and
 * temporal values bound a range; anything else (a string parameter, NULL) leaves that side open, so
 * the scan reads more blocks but never fewer than the filter needs.
 */
final class ScanRanges {
    private ScanRanges() {}

    static List<ColumnRange> evaluate(List<PhysicalNode.ScanRange> ranges, ExecutionContext context) {
        if (ranges.isEmpty()) {
            return List.of();
        }
        ExpressionEvaluator evaluator = new ExpressionEvaluator(context);
        List<ColumnRange> evaluated = new ArrayList<>(ranges.size());
        for (PhysicalNode.ScanRange range : ranges) {
            Object lower = bound(range.lower(), evaluator);
            Object upper = bound(range.upper(), evaluator);
            if (lower != null || upper != null) {
                evaluated.add(new ColumnRange(range.column(), lower, upper));
            }
        }
        return evaluated;
    }

    private static Object bound(io.strata.compute.expression.Expr expr, ExpressionEvaluator evaluator) {
        if (expr == null) {
            return null;
        }
        Object value = evaluator.evaluateConstant(expr);
        return value instanceof Number || value instanceof Temporal ? value : null;
    }
}
