package io.strata.tests.slt;

import io.strata.tests.slt.SltRecord.Statement;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** Runs a {@code statement ok|error} record and says what went wrong (null when nothing did). */
final class StatementCheck {
    private StatementCheck() {}

    static String run(Connection connection, Statement record) {
        try (java.sql.Statement statement = connection.createStatement()) {
            statement.execute(record.sql());
        } catch (SQLException e) {
            return record.expectError() ? checkError(record, e) : "statement failed: " + SltRunner.describe(e)
                    + "\n    " + record.sql();
        }
        return record.expectError() ? "statement succeeded, expected " + expectedError(record) + "\n    " + record.sql() : null;
    }

    private static String checkError(Statement record, SQLException e) {
        boolean codeOk = record.errorCode() == null || record.errorCode() == e.getErrorCode();
        boolean stateOk = record.sqlState() == null || record.sqlState().equals(e.getSQLState());
        String message = e.getMessage() == null ? "" : e.getMessage();
        boolean messageOk = record.messageFragment() == null
                || message.toLowerCase(Locale.ROOT).contains(record.messageFragment().toLowerCase(Locale.ROOT));
        if (codeOk && stateOk && messageOk) {
            return null;
        }
        return "expected " + expectedError(record) + ", got " + SltRunner.describe(e) + "\n    " + record.sql();
    }

    private static String expectedError(Statement record) {
        StringBuilder expected = new StringBuilder("an error");
        if (record.errorCode() != null) {
            expected.append(' ').append(record.errorCode());
        }
        if (record.sqlState() != null) {
            expected.append(" (").append(record.sqlState()).append(')');
        }
        if (record.messageFragment() != null) {
            expected.append(" with message containing '").append(record.messageFragment()).append('\'');
        }
        return expected.toString();
    }
}
