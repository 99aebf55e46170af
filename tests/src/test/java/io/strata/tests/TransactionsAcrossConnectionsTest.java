package io.strata.tests;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two sessions: one never sees the other's uncommitted writes, a rollback discards them, a commit
 * publishes them, and (REPEATABLE READ, MySQL's default) an open transaction keeps its snapshot.
 */
class TransactionsAcrossConnectionsTest {
    private static final String DATABASE = "jt_txn";

    @RegisterExtension
    static final SuiteDatabase database = new SuiteDatabase(DATABASE,
            "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(10))");

    @BeforeEach
    void startWithOneRow() throws SQLException {
        try (Connection connection = database.target().connect(DATABASE, ""); Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM t");
            statement.execute("INSERT INTO t VALUES (1, 'one')");
        }
    }

    @Test
    void uncommittedRowsAreInvisibleToOthersAndRollbackDiscardsThem() throws SQLException {
        try (Connection writer = database.target().connect(DATABASE, ""); Connection reader = database.target().connect(DATABASE, "")) {
            writer.setAutoCommit(false);
            execute(writer, "INSERT INTO t VALUES (2, 'two')");
            execute(writer, "UPDATE t SET v = 'uno' WHERE id = 1");
            assertEquals(List.of("1=uno", "2=two"), rows(writer), "the writer sees its own writes");
            assertEquals(List.of("1=one"), rows(reader), "the reader sees neither the insert nor the update");
            writer.rollback();
            assertEquals(List.of("1=one"), rows(writer));
            assertEquals(List.of("1=one"), rows(reader));
        }
    }

    @Test
    void commitPublishesToOtherSessions() throws SQLException {
        try (Connection writer = database.target().connect(DATABASE, ""); Connection reader = database.target().connect(DATABASE, "")) {
            execute(writer, "BEGIN");
            execute(writer, "INSERT INTO t VALUES (3, 'three')");
            execute(writer, "DELETE FROM t WHERE id = 1");
            assertEquals(List.of("1=one"), rows(reader));
            execute(writer, "COMMIT");
            assertEquals(List.of("3=three"), rows(reader), "after COMMIT, the reader's next statement sees it");
        }
    }

    @Test
    void anOpenTransactionKeepsItsSnapshot() throws SQLException {
        try (Connection writer = database.target().connect(DATABASE, ""); Connection reader = database.target().connect(DATABASE, "")) {
            reader.setAutoCommit(false);
            assertEquals(List.of("1=one"), rows(reader), "the first read fixes the reader's snapshot");
            execute(writer, "INSERT INTO t VALUES (4, 'four')");
            execute(writer, "UPDATE t SET v = 'ONE' WHERE id = 1");
            assertEquals(List.of("1=one"), rows(reader), "repeatable read: commits after the snapshot stay invisible");
            reader.commit();
            assertEquals(List.of("1=ONE", "4=four"), rows(reader), "a new transaction sees them");
        }
    }

    @Test
    void autocommitOffPublishesNothingUntilCommit() throws SQLException {
        try (Connection writer = database.target().connect(DATABASE, ""); Connection reader = database.target().connect(DATABASE, "")) {
            execute(writer, "SET autocommit = 0");
            execute(writer, "INSERT INTO t VALUES (5, 'five')");
            assertEquals(List.of("1=one"), rows(reader));
            execute(writer, "COMMIT");
            assertEquals(List.of("1=one", "5=five"), rows(reader));
            execute(writer, "INSERT INTO t VALUES (6, 'six')");
            writer.close();
            // Closing a session with an open transaction rolls it back.
            assertEquals(List.of("1=one", "5=five"), rows(reader));
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> rows(Connection connection) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT id, v FROM t ORDER BY id")) {
            while (result.next()) {
                rows.add(result.getInt(1) + "=" + result.getString(2));
            }
        }
        assertTrue(rows.size() < 100, "a small table");
        return rows;
    }
}
