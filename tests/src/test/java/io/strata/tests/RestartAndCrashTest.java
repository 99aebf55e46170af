package io.strata.tests;

import io.strata.tests.target.RestartableServer;
import io.strata.tests.target.Targets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The server as its own process on a data directory: a clean stop (SIGTERM) and start keeps data
 * and DDL; a SIGKILL under write load loses no acknowledged commit and shows nothing that was not
 * committed (see {@link CrashLoad}).
 */
class RestartAndCrashTest {
    @TempDir
    java.nio.file.Path directory;
    private RestartableServer server;

    @BeforeEach
    void startServer() {
        server = Targets.restartableOn(directory);
        assumeTrue(server != null, "an external server cannot be restarted by the tests");
        server.start();
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.kill();
            server.close(); // also stops what the server's storage needs (the embedded S3 of strata-s3)
        }
    }

    @Test
    void everyConnectionAfterStartIsAnswered() {
        assertEquals(0, server.unansweredStartProbes(),
                "connections the server accepted right after start but never answered (nothing within 20 s)");
    }

    @Test
    void cleanRestartKeepsDataAndDdl() throws SQLException {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE jt_restart");
            statement.execute("USE jt_restart");
            statement.execute("CREATE TABLE kept (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, big BIGINT, "
                    + "price DECIMAL(10,2), ratio DOUBLE, name VARCHAR(20) NOT NULL DEFAULT 'n', body TEXT, "
                    + "born DATE, seen DATETIME, stamp TIMESTAMP NULL, active BOOLEAN)");
            statement.execute("CREATE TABLE dropped (id INT PRIMARY KEY)");
            statement.execute("INSERT INTO kept (big, price, ratio, name, body, born, seen, stamp, active) VALUES "
                    + "(1, 1.25, 0.5, 'a', 'text a', '2024-01-01', '2024-01-01 01:02:03', '2024-01-01 04:05:06', TRUE), "
                    + "(2, 2.50, 1.5, 'b', NULL, NULL, NULL, NULL, FALSE), (3, 3.75, 2.5, 'c', 'text c', NULL, NULL, NULL, NULL)");
            statement.execute("UPDATE kept SET name = 'bb' WHERE id = 2");
            statement.execute("DELETE FROM kept WHERE id = 3");
            statement.execute("DROP TABLE dropped");
            statement.execute("CREATE TABLE added (id INT PRIMARY KEY, v VARCHAR(5))");
            statement.execute("INSERT INTO added VALUES (7, 'seven')");
        }
        List<String> before = snapshot();
        server.stop();
        server.start();
        assertEquals(before, snapshot(), "the same tables, columns and rows after a clean restart");
        int nextId;
        try (Connection connection = server.connect("jt_restart", ""); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO kept (big, name) VALUES (4, 'd')");
            try (ResultSet row = statement.executeQuery("SELECT id FROM kept WHERE big = 4")) {
                assertTrue(row.next());
                nextId = row.getInt(1);
            }
        }
        List<String> afterWrite = snapshot();
        server.stop();
        server.start();
        assertEquals(afterWrite, snapshot(), "a second restart keeps what was written after the first");
        // MySQL 8 persists the counter: after a clean restart it goes on from the highest id used.
        assertEquals(4, nextId, "AUTO_INCREMENT after a clean restart continues after the highest id ever used (3)");
    }

    /** Tables, their column names and types, and every row, as text. */
    private List<String> snapshot() throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection connection = server.connect("jt_restart", ""); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet result = statement.executeQuery("SHOW TABLES")) {
                while (result.next()) {
                    tables.add(result.getString(1));
                }
            }
            tables.sort(null);
            assertEquals(List.of("added", "kept"), tables, "SHOW TABLES");
            for (String table : tables) {
                try (ResultSet result = statement.executeQuery("SELECT * FROM " + table + " ORDER BY id")) {
                    ResultSetMetaData metaData = result.getMetaData();
                    StringBuilder columns = new StringBuilder(table + ":");
                    for (int column = 1; column <= metaData.getColumnCount(); column++) {
                        columns.append(' ').append(metaData.getColumnName(column)).append(' ')
                                .append(metaData.getColumnTypeName(column)).append(metaData.isNullable(column) == 0 ? " NOT NULL" : "");
                    }
                    lines.add(columns.toString());
                    while (result.next()) {
                        StringBuilder row = new StringBuilder(table);
                        for (int column = 1; column <= metaData.getColumnCount(); column++) {
                            row.append(" | ").append(result.getString(column));
                        }
                        lines.add(row.toString());
                    }
                }
            }
        }
        return lines;
    }

    @Test
    void killNineLosesNoAcknowledgedCommit() throws Exception {
        createCrashTable();
        crashUnderLoadAndCheck(3_000, 0);
    }

    /** Several crash cycles on the same data: recovery must also survive being interrupted by the next crash. */
    @Test
    @Tag("slow")
    void repeatedKillNineUnderLoadLosesNothing() throws Exception {
        createCrashTable();
        for (int cycle = 1; cycle <= 4; cycle++) {
            crashUnderLoadAndCheck(8_000, cycle * 100_000_000L);
        }
    }

    private void createCrashTable() throws SQLException {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE jt_crash");
            statement.execute("CREATE TABLE jt_crash.t (id BIGINT PRIMARY KEY, writer INT NOT NULL, v VARCHAR(40))");
        }
    }

    private void crashUnderLoadAndCheck(long loadMs, long idBase) throws Exception {
        CrashLoad load = new CrashLoad(server, "jt_crash.t", loadMs, idBase);
        load.runThenKill();
        assertFalse(server.isRunning());
        server.start();
        load.checkRecovered();
    }
}
