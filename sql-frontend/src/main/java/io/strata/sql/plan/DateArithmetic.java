package io.strata.sql.plan;

import io.strata.common.type.DataType;
import io.strata.compute.expression.Expr;
import io.strata.compute.expression.ScalarFunction;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeUtil;

import java.util.List;
import java.util.function.Function;

/**
 * {@code date ± INTERVAL n unit}: Calcite's year-month intervals count months, day-time intervals
 * count milliseconds; compute-nodes adds them with ADD_MONTHS and ADD_MILLISECONDS (ADD_MICROSECONDS for
 * MySQL's units Calcite lacks, {@link MysqlIntervals}).
 */
final class DateArithmetic {
    private DateArithmetic() {}

    /** The translated call, or null when {@code call} is not a datetime plus or minus an interval. */
    static Expr translate(RexCall call, DataType type, Function<RexNode, Expr> translator) {
        SqlKind kind = call.getKind();
        boolean minus = kind == SqlKind.MINUS; // also Calcite's DATETIME_MINUS and MINUS_DATE
        if ((kind != SqlKind.PLUS && !minus) || call.getOperands().size() != 2) {
            return null;
        }
        RexNode left = call.getOperands().get(0);
        RexNode right = call.getOperands().get(1);
        RexNode datetime = SqlTypeUtil.isInterval(right.getType()) ? left : right;
        RexNode interval = datetime == left ? right : left;
        if (!SqlTypeUtil.isInterval(interval.getType()) || !SqlTypeUtil.isDatetime(datetime.getType())) {
            return null;
        }
        Expr amount = translator.apply(interval);
        if (minus) {
            amount = new Expr.Call(ScalarFunction.NEGATE, List.of(amount), amount.type());
        }
        return new Expr.Call(addFunction(interval), List.of(translator.apply(datetime), amount), type);
    }

    /**
     * How an interval's amount is added: months for year-month intervals, microseconds for MySQL's units
     * that Calcite lacks ({@link MysqlIntervals}), Calcite's milliseconds for the other day-time intervals.
     */
    static ScalarFunction addFunction(RexNode interval) {
        if (isYearMonth(interval.getType())) {
            return ScalarFunction.ADD_MONTHS;
        }
        return MysqlIntervals.countsMicroseconds(interval) ? ScalarFunction.ADD_MICROSECONDS : ScalarFunction.ADD_MILLISECONDS;
    }

    private static boolean isYearMonth(RelDataType type) {
        return type.getSqlTypeName().getFamily() == SqlTypeFamily.INTERVAL_YEAR_MONTH;
    }
}
