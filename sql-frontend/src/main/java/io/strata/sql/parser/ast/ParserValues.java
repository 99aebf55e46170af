package io.strata.sql.parser.ast;

import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.util.NlsString;

/** Turns literal nodes of the parser into Java values and SQL text. */
public final class ParserValues {
    private ParserValues() {}

    /** The text of a string literal (several adjacent quoted strings are concatenated by the parser). */
    public static String string(SqlNode literal) {
        SqlLiteral value = literal instanceof SqlLiteral l ? l : null;
        if (value == null && literal instanceof SqlBasicCall call && call.getKind() == SqlKind.LITERAL_CHAIN) {
            value = SqlLiteral.unchain(call);
        }
        if (value == null) {
            throw new IllegalArgumentException("not a string literal: " + literal);
        }
        Object v = value.getValue();
        return v instanceof NlsString nls ? nls.getValue() : String.valueOf(value.toValue());
    }

    /** The DEFAULT clause as SQL text ({@code 'abc'}, {@code 0}, {@code NULL}, {@code CURRENT_TIMESTAMP}), or null. */
    public static String defaultSql(SqlNode node) {
        if (node == null) {
            return null;
        }
        if (node instanceof SqlCall call && call.getOperator() == SqlStdOperatorTable.CURRENT_TIMESTAMP) {
            return "CURRENT_TIMESTAMP";
        }
        if (node instanceof SqlLiteral literal) {
            if (literal.getValue() == null) {
                return "NULL";
            }
            if (literal.getValue() instanceof NlsString nls) {
                // MySQL's form (SHOW CREATE TABLE prints it); the text is parsed again for each INSERT.
                return "'" + nls.getValue().replace("\\", "\\\\").replace("'", "''") + "'";
            }
            if (literal.getValue() instanceof Boolean b) {
                return b ? "1" : "0";
            }
            return literal.toValue();
        }
        if (node.getKind() == SqlKind.MINUS_PREFIX && node instanceof SqlBasicCall call) {
            return "-" + defaultSql(call.operand(0));
        }
        return node.toString();
    }
}
