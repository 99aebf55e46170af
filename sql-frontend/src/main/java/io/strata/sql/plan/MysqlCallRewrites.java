package io.strata.sql.plan;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlShuttle;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.Locale;

/**
 * Calls Calcite's grammar binds to operators other than MySQL's, rewritten before validation:
 * <ul>
 *   <li>{@code CONVERT(x USING cs)} (Calcite's TRANSLATE) and {@code CONVERT(x, type)} (Oracle's
 *       character-set conversion, which fails on MySQL's names; the parser writes the forms Calcite cannot
 *       read at all as CONV_AS) are MySQL's {@code CAST(x AS CHAR)} (in character set cs: Strata's strings
 *       are all utf8mb4) and {@code CAST(x AS type)}, and CASTs are typed as MySQL's ({@link MysqlCasts});</li>
 *   <li>{@code s [NOT] RLIKE p} is MySQL's {@code [NOT] REGEXP}, whose operands may be of any type;</li>
 *   <li>{@code TIMESTAMPDIFF(unit, a, b)} is {@link MysqlDateFunctions#TIMESTAMPDIFF} with the unit as a string;</li>
 *   <li>{@code EXTRACT(DAY_MINUTE FROM d)} and MySQL's other compound units, which Calcite does not know,
 *       are the parts' digits side by side: {@code (DAY(d) * 100 + HOUR(d)) * 100 + MINUTE(d)};</li>
 *   <li>{@code d + INTERVAL n unit} (either way round) and {@code d - INTERVAL n unit} are
 *       {@code DATE_ADD(d, INTERVAL n unit)} and {@code DATE_SUB(...)}, which they are in MySQL: Calcite types a
 *       DATE plus hours as a DATE and a string plus an interval as a datetime, where MySQL gives a DATETIME
 *       and a string.</li>
 * </ul>
 */
final class MysqlCallRewrites extends SqlShuttle {
    static final MysqlCallRewrites INSTANCE = new MysqlCallRewrites();

    private MysqlCallRewrites() {}

    static SqlNode rewrite(SqlNode node) {
        return node.accept(INSTANCE);
    }

    @Override
    public @Nullable SqlNode visit(SqlCall call) {
        SqlCall visited = (SqlCall) super.visit(call);
        if (visited != null && (visited.getOperator() == SqlLibraryOperators.RLIKE
                || visited.getOperator() == SqlLibraryOperators.NOT_RLIKE) && visited.operandCount() == 2) {
            SqlOperator regexp = visited.getOperator() == SqlLibraryOperators.RLIKE ? MysqlStringFunctions.REGEXP
                    : MysqlStringFunctions.NOT_REGEXP;
            return regexp.createCall(visited.getParserPosition(), visited.operand(0), visited.operand(1));
        }
        if (visited != null && visited.getOperator() == SqlStdOperatorTable.TIMESTAMP_DIFF
                && visited.operand(0) instanceof SqlIntervalQualifier unit) {
            String name = unit.timeFrameName != null ? unit.timeFrameName : unit.timeUnitRange.startUnit.name();
            return MysqlDateFunctions.TIMESTAMPDIFF.createCall(visited.getParserPosition(),
                    SqlLiteral.createCharString(name.toUpperCase(Locale.ROOT), visited.getParserPosition()),
                    visited.operand(1), visited.operand(2));
        }
        if (visited != null && visited.getOperator() == SqlStdOperatorTable.EXTRACT
                && visited.operand(0) instanceof SqlIntervalQualifier unit && unit.timeFrameName != null) {
            SqlNode compound = CompoundTimeUnits.extract(unit.timeFrameName, visited.operand(1), visited.getParserPosition());
            if (compound != null) {
                return compound;
            }
        }
        if (visited != null && visited.getOperator() == SqlStdOperatorTable.CAST) {
            SqlNode mysql = MysqlCasts.cast(visited);
            if (mysql != null) {
                return mysql;
            }
        }
        if (visited != null && visited.getOperator().getName().equalsIgnoreCase(MysqlCasts.CONVERT_FUNCTION_NAME)) {
            return MysqlCasts.convert(visited);
        }
        SqlNode dateAdd = visited == null ? null : dateAdd(visited);
        if (dateAdd != null) {
            return dateAdd;
        }
        if (visited == null || visited.operandCount() != 2 || !(visited.operand(1) instanceof SqlIdentifier name)) {
            return visited;
        }
        if (visited.getOperator() == SqlStdOperatorTable.TRANSLATE) {
            return cast(visited.operand(0), characterSetType(name.getSimple()), visited.getParserPosition());
        }
        if (visited.getOperator() == SqlLibraryOperators.CONVERT_ORACLE) {
            return cast(visited.operand(0), castType(name.getSimple()), visited.getParserPosition());
        }
        return visited;
    }

    /** {@code d + interval}, {@code interval + d} and {@code d - interval} as DATE_ADD / DATE_SUB; else null. */
    private static SqlNode dateAdd(SqlCall call) {
        boolean plus = call.getKind() == SqlKind.PLUS;
        if ((!plus && call.getKind() != SqlKind.MINUS) || call.operandCount() != 2) {
            return null;
        }
        SqlNode left = call.operand(0);
        SqlNode right = call.operand(1);
        String function;
        if (isInterval(right) && !isInterval(left)) {
            function = plus ? "DATE_ADD" : "DATE_SUB";
        } else if (plus && isInterval(left) && !isInterval(right)) {
            function = "DATE_ADD";
            SqlNode swap = left;
            left = right;
            right = swap;
        } else {
            return null;
        }
        return MysqlDateFunctions.named(function).createCall(call.getParserPosition(), left, right);
    }

    /** An interval as the parser builds it: a literal, INTERVAL expr unit, or one of MySQL's units (INTERVL). */
    private static boolean isInterval(SqlNode node) {
        if (node instanceof org.apache.calcite.sql.SqlIntervalLiteral) {
            return true;
        }
        return node instanceof SqlCall call && (call.getOperator() == SqlStdOperatorTable.INTERVAL
                || call.getOperator().getName().equalsIgnoreCase(MysqlIntervals.FUNCTION_NAME));
    }

    private static SqlNode cast(SqlNode value, SqlTypeName type, SqlParserPos pos) {
        SqlDataTypeSpec spec = new SqlDataTypeSpec(new SqlBasicTypeNameSpec(type, pos), pos);
        return SqlStdOperatorTable.CAST.createCall(pos, value, spec);
    }

    /** Strings in any of MySQL's usual Unicode or Latin character sets are text; binary gives bytes. */
    private static SqlTypeName characterSetType(String characterSet) {
        return switch (characterSet.toLowerCase(Locale.ROOT)) {
            case "utf8mb4", "utf8", "utf8mb3", "latin1", "ascii", "utf16", "utf32", "ucs2" -> SqlTypeName.VARCHAR;
            case "binary" -> SqlTypeName.VARBINARY;
            default -> throw StrataException.of(ErrorCode.ER_UNKNOWN_CHARACTER_SET, "Unknown character set: '%s'",
                    characterSet);
        };
    }

    /** The CAST target a bare type name of CONVERT(x, type) names (typed with parameters, it parses as CAST). */
    private static SqlTypeName castType(String typeName) {
        return switch (typeName.toUpperCase(Locale.ROOT)) {
            case "SIGNED", "UNSIGNED" -> SqlTypeName.BIGINT;
            case "DATE" -> SqlTypeName.DATE;
            case "DATETIME" -> SqlTypeName.TIMESTAMP;
            case "TIME" -> SqlTypeName.TIME;
            case "DOUBLE" -> SqlTypeName.DOUBLE;
            case "FLOAT" -> SqlTypeName.FLOAT;
            case "DECIMAL" -> SqlTypeName.DECIMAL;
            case "NCHAR" -> SqlTypeName.VARCHAR;
            default -> throw StrataException.of(ErrorCode.ER_PARSE_ERROR,
                    "You have an error in your SQL syntax; check the manual that corresponds to your MySQL server "
                            + "version for the right syntax to use near '%s)'", typeName);
        };
    }
}
