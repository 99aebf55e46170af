package io.strata.tests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Batches with rewriteBatchedStatements=true: Connector/J sends one multi-row INSERT per batch
 * (and, with server-side prepared statements, prepares that statement), and every row arrives.
 */
class BatchInsertTest {
    private static final String DATABASE = "jt_batch";
    private static final int ROWS = 2_000;

    @RegisterExtension
    static final SuiteDatabase database = new SuiteDatabase(DATABASE);

    @Test
    void rewrittenBatchInsertsEveryRow() throws SQLException {
        insertBatchAndCheck("rewriteBatchedStatements=true", "batch_text");
    }

    @Test
    void rewrittenBatchWithServerSidePreparedStatementsInsertsEveryRow() throws SQLException {
        insertBatchAndCheck("rewriteBatchedStatements=true&useServerPrepStmts=true", "batch_server");
    }

    private void insertBatchAndCheck(String options, String table) throws SQLException {
        try (Connection connection = database.target().connect(DATABASE, options)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, k INT NOT NULL, c VARCHAR(120), "
                        + "price DECIMAL(10,2))");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " (id, k, c, price) VALUES (?, ?, ?, ?)")) {
                for (int id = 1; id <= ROWS; id++) {
                    insert.setInt(1, id);
                    insert.setInt(2, id % 100);
                    insert.setString(3, "c-" + id);
                    insert.setBigDecimal(4, BigDecimal.valueOf(id, 2));
                    insert.addBatch();
                }
                int[] counts = insert.executeBatch();
                assertEquals(ROWS, counts.length, "one count per batched row");
                for (int count : counts) {
                    assertTrue(count == 1 || count == Statement.SUCCESS_NO_INFO, "update count " + count);
                }
            }
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT COUNT(*), SUM(k), MIN(id), MAX(id), SUM(price) FROM " + table)) {
                assertTrue(row.next());
                assertEquals(ROWS, row.getLong(1));
                assertEquals(99_000, row.getLong(2), "k = id % 100 over 1..2000");
                assertEquals(1, row.getInt(3));
                assertEquals(ROWS, row.getInt(4));
                assertEquals(new BigDecimal("20010.00"), row.getBigDecimal(5));
            }
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT c FROM " + table + " WHERE id = 1234")) {
                assertTrue(row.next());
                assertEquals("c-1234", row.getString(1));
            }
        }
    }

    @Test
    void batchWithDuplicateKeyFailsWith1062AndKeepsEarlierRows() throws SQLException {
        try (Connection connection = database.target().connect(DATABASE, "rewriteBatchedStatements=true")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE batch_dup (id INT PRIMARY KEY, v INT)");
                statement.execute("INSERT INTO batch_dup VALUES (5, 0)");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO batch_dup (id, v) VALUES (?, ?)")) {
                for (int id = 1; id <= 10; id++) {
                    insert.setInt(1, id);
                    insert.setInt(2, id);
                    insert.addBatch();
                }
                BatchUpdateException failure = assertThrows(BatchUpdateException.class, insert::executeBatch);
                assertEquals(1062, failure.getErrorCode(), failure.getMessage());
                assertEquals("23000", failure.getSQLState());
            }
            // The rewritten batch is one statement: it fails as a whole and row 5 keeps its value.
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT COUNT(*), SUM(v) FROM batch_dup")) {
                assertTrue(row.next());
                assertEquals(1, row.getLong(1));
                assertEquals(0, row.getLong(2));
            }
        }
    }
}
