package io.strata.sql.plan;

import io.strata.common.type.DataType;
import io.strata.compute.expression.Expr;
import io.strata.compute.expression.IntervalUnit;
import io.strata.compute.expression.ScalarFunction;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;

import java.util.List;
import java.util.function.Function;

/**
 * {@code INTERVAL expr unit} for MySQL's units that Calcite lacks ({@link IntervalUnit}), which the parser
 * writes as {@code INTERVL(expr, unit number)} ({@code parser/CompoundIntervals}). To Calcite the call is an
 * interval of the unit's fields (YEAR TO MONTH, HOUR TO MINUTE, DAY TO SECOND with 6 fractional digits for
 * DAY_MICROSECOND ...), so DATE_ADD and {@code d + INTERVAL} type it as they type Calcite's own intervals;
 * compute-nodes reads its amount from the value's text at run time (INTERVAL_AMOUNT), as MySQL does.
 */
public final class MysqlIntervals {
    /** As long as the word INTERVAL less one character, for the opening parenthesis the rewrite puts after it. */
    public static final String FUNCTION_NAME = "INTERVL";

    public static final SqlFunction FUNCTION = new SqlFunction(FUNCTION_NAME, SqlKind.OTHER_FUNCTION,
            MysqlIntervals::type, InferTypes.VARCHAR_1024, OperandTypes.family(SqlTypeFamily.ANY, SqlTypeFamily.INTEGER),
            SqlFunctionCategory.TIMEDATE);

    private MysqlIntervals() {}

    private static RelDataType type(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        IntervalUnit unit = IntervalUnit.values()[binding.getOperandLiteralValue(1, Integer.class)];
        return factory.createTypeWithNullability(factory.createSqlIntervalType(qualifier(unit)), true);
    }

    /** The Calcite interval whose fields the unit has: its family decides ADD_MONTHS or a time addition. */
    static SqlIntervalQualifier qualifier(IntervalUnit unit) {
        int precision = org.apache.calcite.rel.type.RelDataType.PRECISION_NOT_SPECIFIED;
        int fraction = unit.microseconds() ? 6 : precision;
        return switch (unit) {
            case YEAR_MONTH -> new SqlIntervalQualifier(TimeUnit.YEAR, precision, TimeUnit.MONTH, precision, SqlParserPos.ZERO);
            case DAY_HOUR -> new SqlIntervalQualifier(TimeUnit.DAY, precision, TimeUnit.HOUR, precision, SqlParserPos.ZERO);
            case DAY_MINUTE -> new SqlIntervalQualifier(TimeUnit.DAY, precision, TimeUnit.MINUTE, precision, SqlParserPos.ZERO);
            case DAY_SECOND, DAY_MICROSECOND ->
                    new SqlIntervalQualifier(TimeUnit.DAY, precision, TimeUnit.SECOND, fraction, SqlParserPos.ZERO);
            case HOUR_MINUTE -> new SqlIntervalQualifier(TimeUnit.HOUR, precision, TimeUnit.MINUTE, precision, SqlParserPos.ZERO);
            case HOUR_SECOND, HOUR_MICROSECOND ->
                    new SqlIntervalQualifier(TimeUnit.HOUR, precision, TimeUnit.SECOND, fraction, SqlParserPos.ZERO);
            case MINUTE_SECOND, MINUTE_MICROSECOND ->
                    new SqlIntervalQualifier(TimeUnit.MINUTE, precision, TimeUnit.SECOND, fraction, SqlParserPos.ZERO);
            case SECOND_MICROSECOND, MICROSECOND ->
                    new SqlIntervalQualifier(TimeUnit.SECOND, precision, null, fraction, SqlParserPos.ZERO);
        };
    }

    /** The unit of an {@link #FUNCTION} call, or null when {@code node} is none. */
    static IntervalUnit unitOf(RexNode node) {
        if (node instanceof RexCall call && call.getOperator() == FUNCTION) {
            return IntervalUnit.values()[((RexLiteral) call.getOperands().get(1)).getValueAs(Integer.class)];
        }
        return null;
    }

    /** Whether the amount of {@code interval} counts microseconds (else Calcite's milliseconds or months). */
    static boolean countsMicroseconds(RexNode interval) {
        IntervalUnit unit = unitOf(interval);
        return unit != null && !unit.months();
    }

    /** Whether {@code interval} has a microsecond part, so that results carry 6 fractional digits. */
    static boolean hasMicrosecondPart(RexNode interval) {
        IntervalUnit unit = unitOf(interval);
        return unit != null && unit.microseconds();
    }

    /** The amount: a plain number for MICROSECOND, read from the value's text for the compound units. */
    static Expr translate(RexCall call, Function<RexNode, Expr> translator) {
        IntervalUnit unit = unitOf(call);
        Expr value = translator.apply(call.getOperands().get(0));
        if (unit == IntervalUnit.MICROSECOND) {
            return new Expr.Call(ScalarFunction.CAST, List.of(value), DataType.BIGINT);
        }
        return new Expr.Call(ScalarFunction.INTERVAL_AMOUNT, List.of(value, new Expr.Literal(unit.name(), DataType.TEXT)),
                DataType.BIGINT);
    }
}
