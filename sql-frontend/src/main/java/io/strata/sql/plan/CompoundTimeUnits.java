package io.strata.sql.plan;

import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * MySQL's compound EXTRACT units (YEAR_MONTH, DAY_HOUR ... SECOND_MICROSECOND): the parts from the first
 * to the last, each after the previous one's digits, as {@code EXTRACT(DAY_MINUTE FROM '2019-07-02 01:02:03')}
 * is 20102. Expressed with the single-part functions.
 */
final class CompoundTimeUnits {
    /** The day-to-microsecond chain and how many values each part spans (the factor before the next). */
    private static final List<String> PARTS = List.of("DAY", "HOUR", "MINUTE", "SECOND", "MICROSECOND");
    private static final List<Long> FACTORS = List.of(100L, 100L, 100L, 1_000_000L);

    private CompoundTimeUnits() {}

    /** The expression for {@code EXTRACT(unit FROM value)}, or null when {@code unit} is not a compound unit. */
    static SqlNode extract(String unit, SqlNode value, SqlParserPos pos) {
        String name = unit.toUpperCase(Locale.ROOT);
        if (name.equals("YEAR_MONTH")) {
            return plus(times(part("YEAR", value, pos), 100, pos), part("MONTH", value, pos), pos);
        }
        int separator = name.indexOf('_');
        int first = separator < 0 ? -1 : PARTS.indexOf(name.substring(0, separator));
        int last = separator < 0 ? -1 : PARTS.indexOf(name.substring(separator + 1));
        if (first < 0 || last <= first) {
            return null;
        }
        SqlNode result = part(PARTS.get(first), value, pos);
        for (int i = first + 1; i <= last; i++) {
            result = plus(times(result, FACTORS.get(i - 1), pos), part(PARTS.get(i), value, pos), pos);
        }
        return result;
    }

    private static SqlNode part(String function, SqlNode value, SqlParserPos pos) {
        return MysqlDateFunctions.named(function).createCall(pos, value);
    }

    private static SqlNode times(SqlNode value, long factor, SqlParserPos pos) {
        return SqlStdOperatorTable.MULTIPLY.createCall(pos, value, SqlLiteral.createExactNumeric(
                BigDecimal.valueOf(factor).toPlainString(), pos));
    }

    private static SqlNode plus(SqlNode left, SqlNode right, SqlParserPos pos) {
        return SqlStdOperatorTable.PLUS.createCall(pos, left, right);
    }
}
