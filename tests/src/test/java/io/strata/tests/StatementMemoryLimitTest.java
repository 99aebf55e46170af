package io.strata.tests;

import io.strata.tests.target.StrataInProcess;
import io.strata.tests.target.TempDirectories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The statement memory limit over Connector/J, on a server of its own whose {@code memory.spill-dir} the test
 * watches: start-up deletes spill files an earlier run left there; a statement killed while it spills leaves
 * none; one over the limit that cannot spill fails with 1041, and the connection and server go on.
 */
class StatementMemoryLimitTest {
    private static final int ROWS = 300_000;
    private static Path spillDirectory;
    private static StrataInProcess server;

    @BeforeAll
    static void start() throws Exception {
        spillDirectory = TempDirectories.create("strata-spill-");
        Files.writeString(spillDirectory.resolve("strata-sort-1234.spill"), "left by a crashed run");
        Files.writeString(spillDirectory.resolve("README"), "not a spill file");
        server = StrataInProcess.startTemporary(Map.of("memory.spill-dir", spillDirectory.toString()), null);
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE budget");
            statement.execute("CREATE TABLE budget.big (id INT PRIMARY KEY, grp INT, label VARCHAR(30))");
            statement.execute("INSERT INTO budget.big WITH RECURSIVE s (n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM s "
                    + "WHERE n < 599) SELECT a.n * 600 + b.n, (a.n * 7 + b.n) % 13, CONCAT('label-', (a.n * 600 + b.n) "
                    + "* 7919 % " + ROWS + ") FROM s a, s b WHERE a.n < 500");
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        TempDirectories.deleteRecursively(spillDirectory);
    }

    private static long spillFiles() throws Exception {
        try (Stream<Path> files = Files.list(spillDirectory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".spill")).count();
        }
    }

    private static long status(Statement statement, String name) throws SQLException {
        try (ResultSet rows = statement.executeQuery("SHOW STATUS LIKE '" + name + "'")) {
            assertTrue(rows.next(), name);
            return Long.parseLong(rows.getString(2));
        }
    }

    private static long single(Statement statement, String query) throws SQLException {
        try (ResultSet rows = statement.executeQuery(query)) {
            assertTrue(rows.next());
            return rows.getLong(1);
        }
    }

    @Test
    void startDeletesTheSpillFilesAnEarlierRunLeftAndNothingElse() {
        assertFalse(Files.exists(spillDirectory.resolve("strata-sort-1234.spill")));
        assertTrue(Files.exists(spillDirectory.resolve("README")));
    }

    @Test
    void killQueryWhileASortSpillsLeavesNoSpillFileAndTheConnectionGoesOn() throws Exception {
        try (Connection victim = server.connect("budget", ""); Statement query = victim.createStatement();
             Connection killer = server.connect("budget", ""); Statement control = killer.createStatement()) {
            query.execute("SET strata_query_memory_limit = 1048576");
            long victimId = single(query, "SELECT CONNECTION_ID()");
            CompletableFuture<SQLException> outcome = CompletableFuture.supplyAsync(() -> {
                try (ResultSet rows = query.executeQuery("SELECT id, label FROM big ORDER BY label DESC, id")) {
                    while (rows.next()) {
                        // read on: the kill may come while rows arrive
                    }
                    return null;
                } catch (SQLException e) {
                    return e;
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (status(control, "Strata_spill_files_open") == 0) {
                if (outcome.isDone() || System.nanoTime() > deadline) {
                    fail("the sort ended (or took a minute) before it was seen spilling: " + outcome.getNow(null));
                }
                Thread.sleep(5);
            }
            assertTrue(spillFiles() > 0, "its runs are in memory.spill-dir");
            control.execute("KILL QUERY " + victimId);
            SQLException killed = outcome.get(60, TimeUnit.SECONDS);
            assertTrue(killed != null, "the sort was stopped");
            assertEquals(1317, killed.getErrorCode(), killed.getMessage());
            assertEquals(0, spillFiles(), "the killed statement's files are deleted");
            assertEquals(0, status(control, "Strata_spill_files_open"));
            assertEquals(ROWS, single(query, "SELECT COUNT(*) FROM big"), "the same connection runs the next statement");
        }
    }

    @Test
    void aStatementOverTheLimitThatCannotSpillFailsWith1041AndTheConnectionGoesOn() throws Exception {
        try (Connection connection = server.connect("budget", ""); Statement statement = connection.createStatement()) {
            statement.execute("SET strata_query_memory_limit = 4194304");
            SQLException error = null;
            try (ResultSet rows = statement.executeQuery("SELECT id, ROW_NUMBER() OVER (ORDER BY label) FROM big")) {
                while (rows.next()) {
                    // the window holds every row before it returns one
                }
            } catch (SQLException e) {
                error = e;
            }
            assertTrue(error != null, "the window failed");
            assertEquals(1041, error.getErrorCode());
            assertEquals("HY000", error.getSQLState());
            assertTrue(error.getMessage().contains("the window needs more than the statement's memory limit of 4194304 "
                    + "bytes") && error.getMessage().contains("SET strata_query_memory_limit = 16777216"), error.getMessage());
            assertEquals(0, spillFiles());
            assertEquals(13, single(statement, "SELECT COUNT(DISTINCT grp) FROM big"), "the connection goes on");
            statement.execute("SET strata_query_memory_limit = 268435456");
            assertEquals(ROWS, single(statement, "SELECT MAX(n) FROM (SELECT ROW_NUMBER() OVER (ORDER BY label) n FROM big) w"),
                    "with the limit raised as the message says, it runs");
        }
    }
}
