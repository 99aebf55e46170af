package io.strata.sql.parser;

import io.strata.sql.parser.ast.SqlTransactionControl;
import io.strata.sql.parser.ast.TransactionKind;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.Locale;
import java.util.Map;

/**
 * Recognizes the bare transaction statements clients send around every transaction ({@code BEGIN},
 * {@code COMMIT}, {@code ROLLBACK}, {@code START TRANSACTION}, optionally with {@code WORK} and a
 * trailing {@code ;}) without building a parser: OLTP clients send two of them per transaction. Any
 * other text (comments, options, a second statement) goes to the grammar as usual.
 */
final class TransactionControlShortcut {
    private static final int MAX_LENGTH = 32;
    private static final Map<String, TransactionKind> STATEMENTS = Map.of(
            "BEGIN", TransactionKind.BEGIN,
            "BEGIN WORK", TransactionKind.BEGIN,
            "START TRANSACTION", TransactionKind.BEGIN,
            "COMMIT", TransactionKind.COMMIT,
            "COMMIT WORK", TransactionKind.COMMIT,
            "ROLLBACK", TransactionKind.ROLLBACK,
            "ROLLBACK WORK", TransactionKind.ROLLBACK);

    private TransactionControlShortcut() {}

    /** The statement {@code sql} is, or null when it is anything else. */
    static SqlTransactionControl match(String sql) {
        if (sql.length() > MAX_LENGTH) {
            return null;
        }
        String text = sql.strip();
        if (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        TransactionKind kind = STATEMENTS.get(text.replaceAll("\\s+", " ").toUpperCase(Locale.ROOT));
        return kind == null ? null : new SqlTransactionControl(SqlParserPos.ZERO, kind);
    }
}
