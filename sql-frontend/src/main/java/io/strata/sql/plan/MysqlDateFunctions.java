package io.strata.sql.plan;

import io.strata.common.type.DataType;
import io.strata.compute.expression.StrToDateFormat;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

import java.util.List;

/**
 * MySQL's date and time functions. Their operands are checked loosely, as MySQL's are: a string or a
 * number where a date is expected is read as one when the call runs (invalid → NULL), so these take
 * precedence over Calcite's stricter library functions of the same names.
 */
public final class MysqlDateFunctions {
    private static final SqlOperandTypeChecker THREE_ANY = OperandTypes.family(
            org.apache.calcite.sql.type.SqlTypeFamily.ANY, org.apache.calcite.sql.type.SqlTypeFamily.ANY,
            org.apache.calcite.sql.type.SqlTypeFamily.ANY);
    private static final SqlReturnTypeInference BIGINT = ReturnTypes.BIGINT_FORCE_NULLABLE;
    private static final SqlReturnTypeInference DATE = ReturnTypes.explicit(SqlTypeName.DATE)
            .andThen(org.apache.calcite.sql.type.SqlTypeTransforms.FORCE_NULLABLE);
    private static final SqlReturnTypeInference VARCHAR = ReturnTypes.explicit(SqlTypeName.VARCHAR)
            .andThen(org.apache.calcite.sql.type.SqlTypeTransforms.FORCE_NULLABLE);

    /**
     * TIMESTAMPDIFF(unit, from, to) as rewritten before validation ({@link MysqlCallRewrites}): the unit's
     * name as a string literal. Calcite's own rewrites it into interval arithmetic that counts months by
     * their length, where MySQL counts calendar months ('2024-01-31' to '2024-02-29' is 0 months).
     */
    public static final SqlFunction TIMESTAMPDIFF = function("TIMESTAMPDIFF", BIGINT, THREE_ANY);

    public static final List<SqlFunction> FUNCTIONS = List.of(
            TIMESTAMPDIFF,
            function("DATE_FORMAT", VARCHAR, OperandTypes.ANY_ANY),
            function("STR_TO_DATE", MysqlDateFunctions::strToDateType, OperandTypes.ANY_ANY),
            function("UNIX_TIMESTAMP", MysqlDateFunctions::unixTimestampType,
                    MysqlStringFunctions.between(0, 1)),
            function("FROM_UNIXTIME", MysqlDateFunctions::fromUnixTimeType, MysqlStringFunctions.between(1, 2)),
            function("CONVERT_TZ", MysqlDateFunctions::convertTzType, THREE_ANY),
            function("UTC_TIMESTAMP", binding -> digitsType(binding, SqlTypeName.TIMESTAMP), MysqlStringFunctions.between(0, 1)),
            function("UTC_TIME", binding -> digitsType(binding, SqlTypeName.TIME), MysqlStringFunctions.between(0, 1)),
            function("UTC_DATE", ReturnTypes.explicit(SqlTypeName.DATE), OperandTypes.NILADIC),
            function("CURTIME", ReturnTypes.explicit(SqlTypeName.TIME), OperandTypes.NILADIC),
            function("DATE", DATE, OperandTypes.ANY),
            function("TIME", MysqlDateFunctions::timeType, OperandTypes.ANY),
            function("DAYNAME", VARCHAR, OperandTypes.ANY),
            function("MONTHNAME", VARCHAR, OperandTypes.ANY),
            function("YEAR", BIGINT, OperandTypes.ANY),
            function("MONTH", BIGINT, OperandTypes.ANY),
            function("DAY", BIGINT, OperandTypes.ANY),
            function("DAYOFMONTH", BIGINT, OperandTypes.ANY),
            function("HOUR", BIGINT, OperandTypes.ANY),
            function("MINUTE", BIGINT, OperandTypes.ANY),
            function("SECOND", BIGINT, OperandTypes.ANY),
            function("MICROSECOND", BIGINT, OperandTypes.ANY),
            function("DAYOFWEEK", BIGINT, OperandTypes.ANY),
            function("DAYOFYEAR", BIGINT, OperandTypes.ANY),
            function("WEEKDAY", BIGINT, OperandTypes.ANY),
            function("QUARTER", BIGINT, OperandTypes.ANY),
            function("WEEK", BIGINT, MysqlStringFunctions.between(1, 2)),
            function("WEEKOFYEAR", BIGINT, OperandTypes.ANY),
            function("YEARWEEK", BIGINT, MysqlStringFunctions.between(1, 2)),
            function("TO_DAYS", BIGINT, OperandTypes.ANY),
            function("LAST_DAY", DATE, OperandTypes.ANY),
            function("DATEDIFF", BIGINT, OperandTypes.ANY_ANY),
            function("DATE_ADD", MysqlDateFunctions::dateAddType, OperandTypes.ANY_ANY),
            function("DATE_SUB", MysqlDateFunctions::dateAddType, OperandTypes.ANY_ANY),
            function("ADDDATE", MysqlDateFunctions::dateAddType, OperandTypes.ANY_ANY),
            function("SUBDATE", MysqlDateFunctions::dateAddType, OperandTypes.ANY_ANY));


    private MysqlDateFunctions() {}

    /** The function named {@code name} (upper case). */
    static SqlFunction named(String name) {
        return FUNCTIONS.stream().filter(f -> f.getName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no date function " + name));
    }

    private static SqlFunction function(String name, SqlReturnTypeInference returnType, SqlOperandTypeChecker operands) {
        // a parameter's type is unknown until bound: read it as a string, as MySQL converts its values
        return new SqlFunction(name, SqlKind.OTHER_FUNCTION, returnType, InferTypes.VARCHAR_1024, operands,
                SqlFunctionCategory.TIMEDATE);
    }

    /** By the format's parts when it is a constant (DATE, DATETIME or TIME), else DATETIME(6) as MySQL does. */
    private static RelDataType strToDateType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        String format = binding.isOperandLiteral(1, false) && SqlTypeUtil.isCharacter(binding.getOperandType(1))
                ? binding.getOperandLiteralValue(1, String.class) : null;
        DataType type = format == null ? DataType.datetime(6) : StrToDateFormat.resultType(format);
        RelDataType result = switch (type.kind()) {
            case DATE -> factory.createSqlType(SqlTypeName.DATE);
            case TIME -> factory.createSqlType(SqlTypeName.TIME, type.precision());
            default -> factory.createSqlType(SqlTypeName.TIMESTAMP, type.precision());
        };
        return factory.createTypeWithNullability(result, true);
    }

    /** BIGINT, or a DECIMAL with the argument's fractional digits when it has any. */
    private static RelDataType unixTimestampType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        if (binding.getOperandCount() == 0) {
            return factory.createSqlType(SqlTypeName.BIGINT);
        }
        int digits = fractionDigits(binding, 0);
        RelDataType result = digits == 0 ? factory.createSqlType(SqlTypeName.BIGINT)
                : factory.createSqlType(SqlTypeName.DECIMAL, 11 + digits, digits);
        return factory.createTypeWithNullability(result, true);
    }

    /** DATETIME with the argument's fractional digits; with a format, a string. */
    private static RelDataType fromUnixTimeType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        RelDataType result = binding.getOperandCount() == 2 ? factory.createSqlType(SqlTypeName.VARCHAR)
                : factory.createSqlType(SqlTypeName.TIMESTAMP, fractionDigits(binding, 0));
        return factory.createTypeWithNullability(result, true);
    }

    /** UTC_TIMESTAMP([fsp]) and UTC_TIME([fsp]): the type with the digits asked for (none by default). */
    private static RelDataType digitsType(SqlOperatorBinding binding, SqlTypeName type) {
        int digits = binding.getOperandCount() == 1 && binding.isOperandLiteral(0, false)
                ? Math.max(0, Math.min(6, binding.getOperandLiteralValue(0, Integer.class))) : 0;
        return binding.getTypeFactory().createSqlType(type, digits);
    }

    /** CONVERT_TZ(dt, from, to): a DATETIME with the value's fractional digits (NULL for an unknown zone). */
    private static RelDataType convertTzType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        return factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.TIMESTAMP, fractionDigits(binding, 0)), true);
    }

    private static RelDataType timeType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        return factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.TIME, fractionDigits(binding, 0)), true);
    }

    /**
     * The fractional second digits a value of the operand can carry (MySQL's datetime_precision): a
     * temporal type's, a DECIMAL's scale, a string constant's own digits, 6 for other strings and doubles.
     */
    static int fractionDigits(SqlOperatorBinding binding, int operand) {
        RelDataType type = binding.getOperandType(operand);
        SqlTypeName name = type.getSqlTypeName();
        if (name == SqlTypeName.TIMESTAMP || name == SqlTypeName.TIME) {
            return Math.max(0, Math.min(6, type.getPrecision()));
        }
        if (name == SqlTypeName.DATE || SqlTypeUtil.isIntType(type) || name == SqlTypeName.NULL) {
            return 0;
        }
        if (name == SqlTypeName.DECIMAL) {
            return Math.min(6, type.getScale());
        }
        if (SqlTypeUtil.isCharacter(type) && binding.isOperandLiteral(operand, false)) {
            String text = String.valueOf(binding.getOperandLiteralValue(operand, String.class)).strip();
            int colon = text.lastIndexOf(':');
            int point = text.lastIndexOf('.');
            return colon < 0 || point < colon ? 0 : Math.min(6, text.length() - point - 1);
        }
        return 6;
    }

    /**
     * DATE_ADD(d, INTERVAL n unit) and friends: a DATE plus whole days, weeks, months, quarters or years
     * stays a DATE, else it becomes a DATETIME; a DATETIME or TIME keeps its digits (6 with a microsecond
     * unit); a string gives a string
     * (printed as a date or a datetime by the value, as MySQL does).
     */
    private static RelDataType dateAddType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        RelDataType value = binding.getOperandType(0);
        RelDataType amount = binding.getOperandType(1);
        SqlTypeName name = value.getSqlTypeName();
        int digits = intervalDigits(amount);
        RelDataType result;
        if (name == SqlTypeName.DATE) {
            result = wholeDays(amount) ? factory.createSqlType(SqlTypeName.DATE)
                    : factory.createSqlType(SqlTypeName.TIMESTAMP, digits);
        } else if (name == SqlTypeName.TIMESTAMP) {
            result = factory.createSqlType(SqlTypeName.TIMESTAMP, Math.max(value.getPrecision(), digits));
        } else if (name == SqlTypeName.TIME) {
            result = factory.createSqlType(SqlTypeName.TIME, Math.max(value.getPrecision(), digits));
        } else {
            result = factory.createSqlType(SqlTypeName.VARCHAR);
        }
        return factory.createTypeWithNullability(result, true);
    }

    /** The fractional second digits an interval adds: 6 for MySQL's microsecond units ({@link MysqlIntervals}). */
    private static int intervalDigits(RelDataType amount) {
        if (!SqlTypeUtil.isInterval(amount) || amount.getIntervalQualifier() == null) {
            return 0;
        }
        return Math.max(0, amount.getIntervalQualifier().getFractionalSecondPrecisionPreservingDefault());
    }

    /** An interval of whole days or longer; a plain number (ADDDATE(d, n)) counts days. */
    static boolean wholeDays(RelDataType amount) {
        if (!SqlTypeUtil.isInterval(amount)) {
            return true;
        }
        if (amount.getSqlTypeName().getFamily() == SqlTypeFamily.INTERVAL_YEAR_MONTH) {
            return true;
        }
        SqlTypeName name = amount.getSqlTypeName();
        return name == SqlTypeName.INTERVAL_DAY;
    }
}
