package io.strata.sql.plan;

import io.strata.common.type.DataType;
import io.strata.compute.expression.Expr;
import io.strata.compute.plan.FrameBound;
import io.strata.compute.plan.OutputColumn;
import io.strata.compute.plan.PhysicalNode;
import io.strata.compute.plan.SortKey;
import io.strata.compute.plan.WindowFunction;
import io.strata.compute.plan.WindowGroup;
import io.strata.sql.catalog.TypeMapping;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexWindowBound;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Calcite's Window (calls over windows, each group one window) as a physical {@link PhysicalNode.Window}:
 * partition and order keys, the frame, and each call with its arguments as input columns or literals
 * (Calcite keeps a window's constants after the input's fields). RANGE frames with an offset and DISTINCT
 * calls are not supported yet.
 */
final class WindowTranslation {
    private WindowTranslation() {}

    static PhysicalNode.Window translate(Window window, PhysicalNode input, RexBuilder rexBuilder) {
        int inputWidth = input.output().size();
        RexToExpr literals = new RexToExpr(rexBuilder, input.output());
        List<WindowGroup> groups = new ArrayList<>();
        for (Window.Group group : window.groups) {
            List<SortKey> orderKeys = new ArrayList<>();
            for (RelFieldCollation collation : group.orderKeys.getFieldCollations()) {
                orderKeys.add(new SortKey(collation.getFieldIndex(), collation.getDirection().isDescending(),
                        collation.nullDirection == RelFieldCollation.NullDirection.FIRST));
            }
            FrameBound lower = bound(group.lowerBound, group.isRows, window, inputWidth);
            FrameBound upper = bound(group.upperBound, group.isRows, window, inputWidth);
            List<WindowGroup.Call> calls = new ArrayList<>();
            for (Window.RexWinAggCall call : group.aggCalls) {
                if (call.distinct) {
                    throw UnsupportedFeature.of("DISTINCT in a window function");
                }
                List<Expr> arguments = new ArrayList<>();
                for (RexNode operand : call.getOperands()) {
                    int index = ((RexInputRef) operand).getIndex();
                    arguments.add(index < inputWidth ? literals.translate(operand)
                            : literals.translate(window.constants.get(index - inputWidth)));
                }
                calls.add(new WindowGroup.Call(function(call), arguments, TypeMapping.toDataType(call.getType())));
            }
            groups.add(new WindowGroup(group.keys.toArray(), orderKeys, group.isRows, lower, upper, calls));
        }
        List<OutputColumn> output = new ArrayList<>(input.output());
        List<RelDataTypeField> fields = window.getRowType().getFieldList();
        for (int i = inputWidth; i < fields.size(); i++) {
            DataType type = TypeMapping.toDataType(fields.get(i).getType());
            output.add(new OutputColumn(fields.get(i).getName(), type, fields.get(i).getType().isNullable()));
        }
        return new PhysicalNode.Window(input, groups, output);
    }

    private static WindowFunction function(Window.RexWinAggCall call) {
        return switch (call.getOperator().getKind()) {
            case ROW_NUMBER -> WindowFunction.ROW_NUMBER;
            case RANK -> WindowFunction.RANK;
            case DENSE_RANK -> WindowFunction.DENSE_RANK;
            case LAG -> WindowFunction.LAG;
            case LEAD -> WindowFunction.LEAD;
            case FIRST_VALUE -> WindowFunction.FIRST_VALUE;
            case LAST_VALUE -> WindowFunction.LAST_VALUE;
            case COUNT -> WindowFunction.COUNT;
            case SUM -> WindowFunction.SUM;
            case SUM0 -> WindowFunction.SUM0;
            case AVG -> WindowFunction.AVG;
            case MIN -> WindowFunction.MIN;
            case MAX -> WindowFunction.MAX;
            default -> throw UnsupportedFeature.of("window function " + call.getOperator().getName());
        };
    }

    private static FrameBound bound(RexWindowBound bound, boolean rows, Window window, int inputWidth) {
        if (bound.isCurrentRow()) {
            return FrameBound.of(FrameBound.Kind.CURRENT_ROW);
        }
        if (bound.isUnbounded()) {
            return FrameBound.of(bound.isPreceding() ? FrameBound.Kind.UNBOUNDED_PRECEDING : FrameBound.Kind.UNBOUNDED_FOLLOWING);
        }
        if (!rows) {
            throw UnsupportedFeature.of("RANGE frames with an offset");
        }
        RexNode offset = bound.getOffset();
        if (offset instanceof RexInputRef ref && ref.getIndex() >= inputWidth) {
            offset = window.constants.get(ref.getIndex() - inputWidth);
        }
        if (!(offset instanceof RexLiteral literal) || literal.getValueAs(BigDecimal.class) == null) {
            throw UnsupportedFeature.of("a window frame offset that is not a number");
        }
        long rowsAway = literal.getValueAs(BigDecimal.class).longValueExact();
        return new FrameBound(bound.isPreceding() ? FrameBound.Kind.PRECEDING : FrameBound.Kind.FOLLOWING, rowsAway);
    }
}
