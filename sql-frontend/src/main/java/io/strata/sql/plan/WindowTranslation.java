package io.strata.sql.plan;

import io.strata.common.type.DataType;
import io.strata.compute.expression.Expr;
import io.strata.compute.plan.FrameBound;
import io.strata.compute.plan.RangeOffset;
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
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexWindowBound;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rex.RexExecutorImpl;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.DataContexts;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeUtil;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Calcite's Window (calls over windows, each group one window) as a physical {@link PhysicalNode.Window}:
 * partition and order keys, the frame, and each call with its arguments as input columns or literals
 * (Calcite keeps a window's constants after the input's fields). RANGE offsets become {@link RangeOffset}s over
 * the one order key (numbers for numeric keys, intervals for temporal ones); frames and arguments MySQL refuses
 * get its errors ({@link WindowErrors}). DISTINCT calls are refused as MySQL refuses them (1235).
 */
final class WindowTranslation {
    private WindowTranslation() {}

    /** @param parameters the value of a parameter, as a literal, for frame offsets written {@code ?} */
    static PhysicalNode.Window translate(Window window, PhysicalNode input, RexBuilder rexBuilder,
                                         java.util.function.Function<RexDynamicParam, RexNode> parameters) {
        int inputWidth = input.output().size();
        RexToExpr literals = new RexToExpr(rexBuilder, input.output());
        List<WindowGroup> groups = new ArrayList<>();
        for (Window.Group group : window.groups) {
            List<SortKey> orderKeys = new ArrayList<>();
            for (RelFieldCollation collation : group.orderKeys.getFieldCollations()) {
                orderKeys.add(new SortKey(collation.getFieldIndex(), collation.getDirection().isDescending(),
                        collation.nullDirection == RelFieldCollation.NullDirection.FIRST));
            }
            RangeKey key = group.isRows ? null : new RangeKey(orderKeys, input.output());
            FrameBound lower = bound(group.lowerBound, key, window, inputWidth, rexBuilder, parameters);
            FrameBound upper = bound(group.upperBound, key, window, inputWidth, rexBuilder, parameters);
            List<WindowGroup.Call> calls = new ArrayList<>();
            for (Window.RexWinAggCall call : group.aggCalls) {
                if (call.distinct) {
                    throw UnsupportedFeature.of("<window function>(DISTINCT ..)");
                }
                if (call.ignoreNulls) {
                    throw UnsupportedFeature.of("IGNORE NULLS");
                }
                List<Expr> arguments = new ArrayList<>();
                for (RexNode operand : call.getOperands()) {
                    int index = ((RexInputRef) operand).getIndex();
                    arguments.add(index < inputWidth ? literals.translate(operand)
                            : literals.translate(window.constants.get(index - inputWidth)));
                }
                WindowFunction function = function(call);
                checkCountArgument(function, arguments);
                calls.add(new WindowGroup.Call(function, arguments, TypeMapping.toDataType(call.getType())));
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
            case PERCENT_RANK -> WindowFunction.PERCENT_RANK;
            case CUME_DIST -> WindowFunction.CUME_DIST;
            case NTILE -> WindowFunction.NTILE;
            case NTH_VALUE -> WindowFunction.NTH_VALUE;
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

    /** NTILE's bucket count and NTH_VALUE's n: positive integer constants, as MySQL requires (1210 otherwise). */
    private static void checkCountArgument(WindowFunction function, List<Expr> arguments) {
        int position = switch (function) {
            case NTILE -> 0;
            case NTH_VALUE -> 1;
            default -> -1;
        };
        if (position < 0) {
            return;
        }
        if (!(arguments.get(position) instanceof Expr.Literal literal) || !(literal.value() instanceof Number number)
                || new BigDecimal(number.toString()).stripTrailingZeros().scale() > 0 || number.doubleValue() < 1) {
            throw WindowErrors.incorrectArguments(function.name());
        }
    }

    /** A RANGE frame's order key: offsets need exactly one, numeric or temporal (3587). */
    private record RangeKey(List<SortKey> keys, List<OutputColumn> columns) {
        DataType type() {
            if (keys.size() != 1) {
                throw WindowErrors.rangeOrderType();
            }
            DataType type = columns.get(keys.get(0).column()).type();
            if (!type.kind().isTemporal() && !type.kind().isNumeric()) {
                throw WindowErrors.rangeOrderType();
            }
            return type;
        }
    }

    /** @param rangeKey the order key of a RANGE frame, null for ROWS */
    private static FrameBound bound(RexWindowBound bound, RangeKey rangeKey, Window window, int inputWidth,
                                    RexBuilder rexBuilder, java.util.function.Function<RexDynamicParam, RexNode> parameters) {
        if (bound.isCurrentRow()) {
            return FrameBound.of(FrameBound.Kind.CURRENT_ROW);
        }
        if (bound.isUnbounded()) {
            return FrameBound.of(bound.isPreceding() ? FrameBound.Kind.UNBOUNDED_PRECEDING : FrameBound.Kind.UNBOUNDED_FOLLOWING);
        }
        RexNode offset = constantOffset(bound.getOffset(), window, inputWidth, rexBuilder, parameters);
        if (!(offset instanceof RexLiteral literal) || literal.getValueAs(BigDecimal.class) == null) {
            throw WindowErrors.frameIllegal();
        }
        BigDecimal value = literal.getValueAs(BigDecimal.class);
        FrameBound.Kind kind = bound.isPreceding() ? FrameBound.Kind.PRECEDING : FrameBound.Kind.FOLLOWING;
        if (value.signum() < 0) {
            throw WindowErrors.frameIllegal();
        }
        if (rangeKey == null) {
            if (SqlTypeUtil.isInterval(literal.getType())) {
                throw WindowErrors.rowsInterval();
            }
            if (value.stripTrailingZeros().scale() > 0) {
                throw WindowErrors.frameIllegal();
            }
            return new FrameBound(kind, value.longValueExact());
        }
        return FrameBound.range(kind, rangeOffset(literal, value, rangeKey.type()));
    }

    /**
     * The offset as a literal if it is constant: a window constant, or an expression Calcite computed in the
     * input's projection ({@code INTERVAL 1 DAY} is {@code 1 * INTERVAL '1' DAY} to it), folded; a parameter
     * ({@code ROWS ? PRECEDING} in a prepared statement, as MySQL allows) has this execution's value.
     */
    private static RexNode constantOffset(RexNode offset, Window window, int inputWidth, RexBuilder rexBuilder,
                                          java.util.function.Function<RexDynamicParam, RexNode> parameters) {
        if (offset instanceof RexInputRef ref && ref.getIndex() >= inputWidth) {
            offset = window.constants.get(ref.getIndex() - inputWidth);
        } else if (offset instanceof RexInputRef ref && window.getInput().stripped() instanceof Project project) {
            offset = project.getProjects().get(ref.getIndex());
        }
        offset = offset.accept(new org.apache.calcite.rex.RexShuttle() {
            @Override
            public RexNode visitDynamicParam(RexDynamicParam param) {
                return parameters.apply(param);
            }
        });
        if (offset instanceof RexLiteral || !RexUtil.isConstant(offset)) {
            return offset;
        }
        List<RexNode> folded = new ArrayList<>();
        new RexExecutorImpl(DataContexts.EMPTY).reduce(rexBuilder, List.of(offset), folded);
        return folded.get(0);
    }

    /** A number for a numeric key; an interval (Calcite: months, or milliseconds) for a temporal one. */
    private static RangeOffset rangeOffset(RexLiteral literal, BigDecimal value, DataType keyType) {
        SqlTypeFamily family = literal.getType().getSqlTypeName().getFamily();
        boolean interval = family == SqlTypeFamily.INTERVAL_YEAR_MONTH || family == SqlTypeFamily.INTERVAL_DAY_TIME;
        if (keyType.kind().isTemporal() != interval) {
            throw interval ? WindowErrors.numericKeyRefusesInterval() : WindowErrors.temporalKeyNeedsInterval();
        }
        if (!interval) {
            return RangeOffset.number(value);
        }
        return family == SqlTypeFamily.INTERVAL_YEAR_MONTH ? RangeOffset.interval(value.longValueExact(), 0)
                : RangeOffset.interval(0, value.multiply(BigDecimal.valueOf(1000)).longValueExact());
    }
}
