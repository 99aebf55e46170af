package io.strata.sql.plan;

import io.strata.common.type.DataType;
import io.strata.compute.expression.Expr;
import io.strata.compute.expression.ScalarFunction;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeUtil;

import java.util.List;
import java.util.function.Function;

/**
 * MySQL date functions that are other calls in compute-nodes: DATE_ADD / DATE_SUB / ADDDATE / SUBDATE
 * (ADD_MONTHS, ADD_MILLISECONDS or ADD_MICROSECONDS, as {@code d ± INTERVAL}), DATE(x) and TIME(x) (casts), WEEKOFYEAR(d)
 * (WEEK(d, 3)), FROM_UNIXTIME(n, format) (DATE_FORMAT of FROM_UNIXTIME(n)).
 */
final class DateFunctionCalls {
    private static final long MILLISECONDS_PER_DAY = 86_400_000L;

    private DateFunctionCalls() {}

    /** The translated call, or null when {@code call} is none of these. */
    static Expr translate(RexCall call, String name, DataType type, Function<RexNode, Expr> translator) {
        List<RexNode> operands = call.getOperands();
        return switch (name) {
            case "DATE_ADD", "ADDDATE" -> addInterval(operands, false, type, translator);
            case "DATE_SUB", "SUBDATE" -> addInterval(operands, true, type, translator);
            case "DATE", "TIME" -> new Expr.Call(ScalarFunction.CAST, List.of(translator.apply(operands.get(0))), type);
            case "WEEKOFYEAR" -> new Expr.Call(ScalarFunction.WEEK,
                    List.of(translator.apply(operands.get(0)), new Expr.Literal(3L, DataType.BIGINT)), type);
            case "FROM_UNIXTIME" -> fromUnixTime(call, type, translator);
            default -> null;
        };
    }

    private static Expr addInterval(List<RexNode> operands, boolean subtract, DataType type, Function<RexNode, Expr> translator) {
        RexNode value = operands.get(0);
        RexNode amount = operands.get(1);
        Expr count = translator.apply(amount);
        ScalarFunction function;
        if (!SqlTypeUtil.isInterval(amount.getType())) {
            // ADDDATE(d, n): n days
            function = ScalarFunction.ADD_MILLISECONDS;
            count = new Expr.Call(ScalarFunction.MULTIPLY, List.of(new Expr.Call(ScalarFunction.CAST, List.of(count),
                    DataType.BIGINT), new Expr.Literal(MILLISECONDS_PER_DAY, DataType.BIGINT)), DataType.BIGINT);
        } else {
            function = DateArithmetic.addFunction(amount);
        }
        if (subtract) {
            count = new Expr.Call(ScalarFunction.NEGATE, List.of(count), count.type());
        }
        if (!type.kind().isString()) {
            return new Expr.Call(function, List.of(translator.apply(value), count), type);
        }
        // A string result prints a datetime with the string's own fractional digits when it is a constant
        // (a parameter's value is one: -1 has them counted per value), with 6 otherwise (MySQL's
        // datetime_precision of a string), and 6 for a microsecond unit. It prints a date only for a date plus
        // days, weeks, months, quarters or years: other units give a datetime.
        long digits = MysqlIntervals.hasMicrosecondPart(amount) ? 6
                : value instanceof RexLiteral literal ? fractionDigits(literal.getValueAs(String.class))
                : value instanceof org.apache.calcite.rex.RexDynamicParam ? -1 : 6;
        long timeUnit = MysqlDateFunctions.wholeDays(amount.getType()) ? 0 : 1;
        return new Expr.Call(function, List.of(translator.apply(value), count, new Expr.Literal(digits, DataType.BIGINT),
                new Expr.Literal(timeUnit, DataType.BIGINT)), type);
    }

    private static long fractionDigits(String text) {
        return text == null ? 0 : io.strata.compute.expression.TemporalParser.fractionDigits(text);
    }

    private static Expr fromUnixTime(RexCall call, DataType type, Function<RexNode, Expr> translator) {
        Expr seconds = translator.apply(call.getOperands().get(0));
        if (call.getOperands().size() == 1) {
            return new Expr.Call(ScalarFunction.FROM_UNIXTIME, List.of(seconds), type);
        }
        Expr datetime = new Expr.Call(ScalarFunction.FROM_UNIXTIME, List.of(seconds), DataType.datetime(6));
        return new Expr.Call(ScalarFunction.DATE_FORMAT, List.of(datetime, translator.apply(call.getOperands().get(1))), type);
    }
}
