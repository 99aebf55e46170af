package io.strata.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MySQL Connector/J 9.1 against the server with text queries: formats, metadata, errors, TLS, sizes. */
class ConnectorJTest {
    @RegisterExtension
    static final SharedServer fixture = new SharedServer();

    static Connection connect(String properties) throws SQLException {
        return DriverManager.getConnection(fixture.mysqlUrl("test", "user=root&password=111&" + properties));
    }

    @Test
    void textResultSetOfEveryTypeMatchesMysqlFormats() throws SQLException {
        try (Connection connection = connect("sslMode=REQUIRED");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT * FROM all_types WHERE id < 4")) {
            assertTrue(rows.next());
            assertEquals(ExpectedRows.ROW_1, ExpectedRows.read(rows));
            assertEquals(Boolean.TRUE, rows.getObject(2));
            assertEquals(java.time.LocalDate.of(2024, 2, 29), rows.getObject(15, java.time.LocalDate.class));
            assertTrue(rows.next());
            assertEquals(ExpectedRows.ROW_2, ExpectedRows.read(rows));
            assertTrue(rows.next());
            assertEquals(ExpectedRows.jdbc(ExpectedRows.ROW_3), ExpectedRows.read(rows));
        }
    }

    @Test
    void columnMetadataDescribesTypesLikeMysql() throws SQLException {
        try (Connection connection = connect("sslMode=REQUIRED");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT * FROM all_types WHERE id = 1")) {
            ResultSetMetaData meta = rows.getMetaData();
            assertEquals(22, meta.getColumnCount());
            assertEquals("id", meta.getColumnName(1));
            assertEquals("all_types", meta.getTableName(1));
            assertEquals(ResultSetMetaData.columnNoNulls, meta.isNullable(1));
            assertEquals(ResultSetMetaData.columnNullable, meta.isNullable(2));
            assertEquals(Types.INTEGER, meta.getColumnType(1));
            assertEquals(Types.BIT, meta.getColumnType(2), "BOOLEAN is TINYINT(1), which Connector/J calls BIT");
            assertEquals(Types.TINYINT, meta.getColumnType(3));
            assertEquals(Types.SMALLINT, meta.getColumnType(4));
            assertEquals(Types.BIGINT, meta.getColumnType(6));
            assertEquals(Types.DECIMAL, meta.getColumnType(7));
            assertEquals(10, meta.getPrecision(7));
            assertEquals(2, meta.getScale(7));
            assertEquals(Types.REAL, meta.getColumnType(8));
            assertEquals(Types.DOUBLE, meta.getColumnType(9));
            assertEquals(Types.VARCHAR, meta.getColumnType(10));
            assertEquals(20, meta.getPrecision(10));
            assertEquals(Types.CHAR, meta.getColumnType(11));
            assertEquals(Types.LONGVARCHAR, meta.getColumnType(12));
            assertEquals(Types.VARBINARY, meta.getColumnType(13));
            assertEquals(Types.LONGVARBINARY, meta.getColumnType(14));
            assertEquals(Types.DATE, meta.getColumnType(15));
            assertEquals(Types.TIME, meta.getColumnType(16));
            assertEquals(Types.TIMESTAMP, meta.getColumnType(17));
            assertEquals(Types.TIMESTAMP, meta.getColumnType(19));
            assertEquals("JSON", meta.getColumnTypeName(20));
            assertEquals(Types.VARCHAR, meta.getColumnType(21));
        }
    }

    @Test
    void wrongPasswordIsAccessDenied() {
        SQLException error = assertThrows(SQLException.class, () -> DriverManager.getConnection(
                fixture.mysqlUrl("test", "user=root&password=wrong&sslMode=REQUIRED")));
        assertEquals(1045, error.getErrorCode());
        assertEquals("28000", error.getSQLState());
        assertTrue(error.getMessage().startsWith("Access denied for user 'root'@'127.0.0.1' (using password: YES)"),
                error.getMessage());
    }

    @Test
    void unknownDatabaseIsRefusedAtLogin() {
        SQLException error = assertThrows(SQLException.class, () -> DriverManager.getConnection(
                fixture.mysqlUrl("nowhere", "user=root&password=111&sslMode=REQUIRED")));
        assertEquals(1049, error.getErrorCode());
    }

    @Test
    void errorsKeepTheConnectionUsable() throws SQLException {
        try (Connection connection = connect("sslMode=REQUIRED"); Statement statement = connection.createStatement()) {
            SQLException missing = assertThrows(SQLException.class, () -> statement.execute("FAIL"));
            assertTrue(missing.getMessage().contains("doesn't exist"), missing.getMessage());
            assertEquals(1146, missing.getErrorCode());
            assertEquals("42S02", missing.getSQLState());
            SQLException bug = assertThrows(SQLException.class, () -> statement.execute("BOOM"));
            assertEquals(1105, bug.getErrorCode());
            assertEquals("HY000", bug.getSQLState());
            try (ResultSet rows = statement.executeQuery("SELECT 7")) {
                assertTrue(rows.next());
                assertEquals(7, rows.getLong(1));
            }
        }
    }

    @Test
    void multiStatementsReturnOneResultPerStatement() throws SQLException {
        try (Connection connection = connect("sslMode=REQUIRED&allowMultiQueries=true");
             Statement statement = connection.createStatement()) {
            assertTrue(statement.execute("SELECT 1; BEGIN; SELECT 2; COMMIT"));
            try (ResultSet rows = statement.getResultSet()) {
                assertTrue(rows.next());
                assertEquals(1, rows.getLong(1));
            }
            assertFalse(statement.getMoreResults());
            assertEquals(0, statement.getUpdateCount());
            assertTrue(statement.getMoreResults());
            try (ResultSet rows = statement.getResultSet()) {
                assertTrue(rows.next());
                assertEquals(2, rows.getLong(1));
            }
            assertFalse(statement.getMoreResults());
            assertEquals(0, statement.getUpdateCount());
            assertFalse(statement.getMoreResults());
            assertEquals(-1, statement.getUpdateCount());

            SQLException error = assertThrows(SQLException.class, () -> {
                statement.execute("SELECT 1; FAIL; SELECT 2");
                while (statement.getMoreResults() || statement.getUpdateCount() != -1) {
                    // drain until the failing statement's error surfaces
                }
            });
            assertEquals(1146, error.getErrorCode());
        }
    }

    @Test
    void multiStatementsNeedTheClientFlag() throws SQLException {
        try (Connection connection = connect("sslMode=REQUIRED"); Statement statement = connection.createStatement()) {
            SQLException error = assertThrows(SQLException.class, () -> statement.execute("SELECT 1; SELECT 2"));
            assertEquals(1064, error.getErrorCode());
        }
    }

    @Test
    void rewrittenBatchInsertsAllRows() throws SQLException {
        try (Connection connection = connect("sslMode=REQUIRED&rewriteBatchedStatements=true");
             java.sql.PreparedStatement insert = connection.prepareStatement("INSERT INTO kv VALUES (?, ?)")) {
            for (int i = 0; i < 50; i++) {
                insert.setInt(1, 1000 + i);
                insert.setString(2, "it's " + i);
                insert.addBatch();
            }
            insert.executeBatch();
            List<String> values = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT * FROM kv")) {
                while (rows.next()) {
                    if (rows.getInt(1) >= 1000 && rows.getInt(1) < 1050) {
                        values.add(rows.getInt(1) + "=" + rows.getString(2));
                    }
                }
            }
            assertEquals(50, values.size());
            assertEquals("1049=it's 49", values.get(49));
        }
    }

    @Test
    void resultsAndQueriesOver16MegabytesCrossTheWire() throws SQLException {
        int size = 17 * 1024 * 1024;
        try (Connection connection = connect("sslMode=DISABLED&allowPublicKeyRetrieval=true");
             Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT REPEAT('x', " + size + ")")) {
                assertTrue(rows.next());
                String value = rows.getString(1);
                assertEquals(size, value.length());
                assertTrue(value.chars().allMatch(c -> c == 'x'));
            }
            String literal = "y".repeat(size);
            try (ResultSet rows = statement.executeQuery("SELECT LENGTH('" + literal + "')")) {
                assertTrue(rows.next());
                assertEquals(size, rows.getLong(1));
            }
        }
    }

    @Test
    void largeResultsStreamToTheEnd() throws SQLException {
        try (Connection connection = connect("sslMode=REQUIRED"); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT * FROM seq_100000")) {
            long count = 0;
            long last = -1;
            while (rows.next()) {
                last = rows.getLong(1);
                count++;
            }
            assertEquals(100_000, count);
            assertEquals(99_999, last);
        }
    }

    @Test
    void aSlowQueryDoesNotBlockOtherConnections() throws Exception {
        try (Connection slow = connect("sslMode=REQUIRED"); Connection fast = connect("sslMode=REQUIRED")) {
            CompletableFuture<Long> sleeping = CompletableFuture.supplyAsync(() -> {
                try (Statement statement = slow.createStatement(); ResultSet rows = statement.executeQuery("SELECT SLEEP(2)")) {
                    rows.next();
                    return rows.getLong(1);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(200);
            long started = System.nanoTime();
            try (Statement statement = fast.createStatement(); ResultSet rows = statement.executeQuery("SELECT 5")) {
                assertTrue(rows.next());
                assertEquals(5, rows.getLong(1));
            }
            assertTrue(System.nanoTime() - started < TimeUnit.MILLISECONDS.toNanos(1500), "fast query waited for the slow one");
            assertFalse(sleeping.isDone());
            assertEquals(0L, sleeping.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void useDatabaseAndPing() throws SQLException {
        try (Connection connection = connect("sslMode=REQUIRED")) {
            connection.setCatalog("other");
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT DATABASE()")) {
                assertTrue(rows.next());
                assertEquals("other", rows.getString(1));
            }
            assertTrue(connection.isValid(2));
            SQLException error = assertThrows(SQLException.class, () -> connection.setCatalog("missing"));
            assertEquals(1049, error.getErrorCode());
        }
    }
}
