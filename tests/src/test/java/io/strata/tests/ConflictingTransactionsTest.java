package io.strata.tests;

import io.strata.tests.target.ServerTarget;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two sessions writing the same rows. What {@link TransactionsAcrossConnectionsTest} checks with whole
 * table scans is checked here on the primary-key lookup path ({@code WHERE id = 1}) and on aggregates;
 * and the lost update: Strata is snapshot isolation with first-committer-wins, so of two transactions
 * that read a row and then both write it, the second gets 1213 / 40001 (at its UPDATE, after waiting for
 * the first's row lock, or at its COMMIT)
 * and rolls back. MySQL's InnoDB would let the second UPDATE overwrite, so those cases run on Strata only.
 */
@Timeout(60)
class ConflictingTransactionsTest {
    private static final String DATABASE = "jt_conflict";

    @RegisterExtension
    static final SuiteDatabase database = new SuiteDatabase(DATABASE,
            "CREATE TABLE counter (id INT PRIMARY KEY, n BIGINT NOT NULL, who VARCHAR(10))");

    @BeforeEach
    void startAtOneHundred() throws SQLException {
        try (Connection connection = database.target().connect(DATABASE, ""); Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM counter");
            statement.execute("INSERT INTO counter VALUES (1, 100, 'start'), (2, 200, 'start')");
        }
    }

    @Test
    void anUncommittedUpdateIsInvisibleToAKeyLookupAndAnAggregate() throws SQLException {
        try (Connection writer = database.target().connect(DATABASE, ""); Connection reader = database.target().connect(DATABASE, "")) {
            writer.setAutoCommit(false);
            execute(writer, "UPDATE counter SET n = 999, who = 'dirty' WHERE id = 1");
            assertEquals(999, counter(writer, 1), "the writer sees its own update by key");
            assertEquals(100, counter(reader, 1), "no dirty read by key");
            assertEquals(300, single(reader, "SELECT SUM(n) FROM counter"), "no dirty read in an aggregate");
            writer.commit();
            assertEquals(999, counter(reader, 1), "the commit is visible to the next statement");
        }
    }

    @Test
    void aKeyLookupRepeatsInsideATransactionWhileAnotherCommits() throws SQLException {
        try (Connection writer = database.target().connect(DATABASE, ""); Connection reader = database.target().connect(DATABASE, "")) {
            reader.setAutoCommit(false);
            assertEquals(100, counter(reader, 1), "the first read fixes the snapshot");
            execute(writer, "UPDATE counter SET n = 101 WHERE id = 1");
            execute(writer, "DELETE FROM counter WHERE id = 2");
            execute(writer, "INSERT INTO counter VALUES (3, 300, 'new')");
            assertEquals(100, counter(reader, 1), "no non-repeatable read by key");
            assertEquals(200, counter(reader, 2), "a row deleted since the snapshot is still there for it");
            assertEquals(2, single(reader, "SELECT COUNT(*) FROM counter"), "no phantom");
            assertEquals(300, single(reader, "SELECT SUM(n) FROM counter WHERE id >= 1"), "the same sum as at the snapshot");
            reader.commit();
            assertEquals(101, counter(reader, 1));
            assertEquals(401, single(reader, "SELECT SUM(n) FROM counter"));
        }
    }

    @Test
    void ofTwoReadThenWriteTransactionsOnlyTheFirstToCommitWins() throws SQLException {
        assumeStrata();
        try (Connection first = database.target().connect(DATABASE, ""); Connection second = database.target().connect(DATABASE, "")) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            long readByFirst = counter(first, 1);
            long readBySecond = counter(second, 1);
            execute(first, "UPDATE counter SET n = " + (readByFirst + 10) + ", who = 'first' WHERE id = 1");
            first.commit();
            boolean secondFailed = updateThenCommitExpectingConflict(second,
                    "UPDATE counter SET n = " + (readBySecond + 1) + ", who = 'second' WHERE id = 1");
            assertTrue(secondFailed, "the second writer of row 1 must get 1213/40001 (a lost update otherwise)");
            assertEquals("110 first", row(database.target(), 1), "exactly the first transaction's update survives");
        }
    }

    @Test
    void ofTwoOverlappingUpdatesOfOneRowExactlyOneCommits() throws SQLException {
        assumeStrata();
        try (Connection first = database.target().connect(DATABASE, ""); Connection second = database.target().connect(DATABASE, "")) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            assertEquals(100, counter(first, 1));
            assertEquals(100, counter(second, 1));
            execute(first, "UPDATE counter SET n = n + 5, who = 'first' WHERE id = 1");
            // The first holds row 1's lock: the second's UPDATE waits for it, then finds the row it saw
            // replaced by the first's commit.
            java.util.concurrent.CompletableFuture<Void> secondUpdate = java.util.concurrent.CompletableFuture.runAsync(() -> {
                try {
                    execute(second, "UPDATE counter SET n = n + 7, who = 'second' WHERE id = 1");
                } catch (SQLException e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
            org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.TimeoutException.class,
                    () -> secondUpdate.get(300, java.util.concurrent.TimeUnit.MILLISECONDS), "the second waits for the lock");
            first.commit();
            boolean secondFailed = false;
            try {
                secondUpdate.get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                assertConflict((SQLException) e.getCause());
                secondFailed = true;
                second.rollback();
            } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
                fail("the second UPDATE did not finish after the first committed", e);
            }
            if (!secondFailed) {
                secondFailed = commitExpectingConflict(second);
            }
            assertTrue(secondFailed, "the second writer of row 1 must get 1213/40001");
            assertEquals("105 first", row(database.target(), 1), "n + 5 applied once, n + 7 not at all");
        }
    }

    /** KILL QUERY ends a statement waiting for a row lock at once (1317), not after the 50 s lock wait timeout. */
    @Test
    void aLockWaitEndsWhenItsQueryIsKilled() throws Exception {
        try (Connection holder = database.target().connect(DATABASE, ""); Connection waiter = database.target().connect(DATABASE, "");
             Connection killer = database.target().connect(DATABASE, "")) {
            holder.setAutoCommit(false);
            assertEquals(100, single(holder, "SELECT n FROM counter WHERE id = 1 FOR UPDATE"));
            long waiterId = single(waiter, "SELECT CONNECTION_ID()");
            long start = System.nanoTime();
            java.util.concurrent.CompletableFuture<Void> update = java.util.concurrent.CompletableFuture.runAsync(() -> {
                try {
                    execute(waiter, "UPDATE counter SET n = 0 WHERE id = 1");
                } catch (SQLException e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
            org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.TimeoutException.class,
                    () -> update.get(500, java.util.concurrent.TimeUnit.MILLISECONDS), "the UPDATE waits for the lock");
            execute(killer, "KILL QUERY " + waiterId);
            java.util.concurrent.ExecutionException killed = org.junit.jupiter.api.Assertions.assertThrows(
                    java.util.concurrent.ExecutionException.class, () -> update.get(20, java.util.concurrent.TimeUnit.SECONDS));
            SQLException error = (SQLException) killed.getCause();
            assertEquals(1317, error.getErrorCode(), error.getMessage());
            assertTrue(System.nanoTime() - start < java.util.concurrent.TimeUnit.SECONDS.toNanos(20), "well before the lock wait timeout");
            assertEquals(1, single(waiter, "SELECT 1"), "the killed query's connection stays usable");
            holder.rollback();
            assertEquals("100 start", row(database.target(), 1));
        }
    }

    @Test
    void anUpdateOfARowDeletedSinceTheSnapshotConflicts() throws SQLException {
        assumeStrata();
        try (Connection deleter = database.target().connect(DATABASE, ""); Connection updater = database.target().connect(DATABASE, "")) {
            updater.setAutoCommit(false);
            assertEquals(200, counter(updater, 2));
            execute(deleter, "DELETE FROM counter WHERE id = 2");
            boolean failed = updateThenCommitExpectingConflict(updater, "UPDATE counter SET n = 201 WHERE id = 2");
            if (!failed) {
                // Acceptable only if the update found no row: the row must not come back.
                assertEquals(1, single(updater, "SELECT COUNT(*) FROM counter"), "the deleted row came back");
            }
            assertEquals(1, single(deleter, "SELECT COUNT(*) FROM counter"), "row 2 stays deleted");
        }
    }

    @Test
    void twoTransactionsInsertingOneKeyLeaveOneRow() throws SQLException {
        try (Connection first = database.target().connect(DATABASE, ""); Connection second = database.target().connect(DATABASE, "")) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            assertEquals(2, single(first, "SELECT COUNT(*) FROM counter"));
            assertEquals(2, single(second, "SELECT COUNT(*) FROM counter"));
            execute(first, "INSERT INTO counter VALUES (7, 1, 'first')");
            first.commit();
            boolean secondFailed = false;
            try {
                execute(second, "INSERT INTO counter VALUES (7, 2, 'second')");
                second.commit();
            } catch (SQLException e) {
                assertTrue(Conflicts.isConflict(e) || e.getErrorCode() == 1062,
                        "1062 duplicate key or 1213/40001, got " + e.getErrorCode() + "/" + e.getSQLState() + ": " + e.getMessage());
                secondFailed = true;
                second.rollback();
            }
            assertTrue(secondFailed, "the second insert of key 7 must fail");
            assertEquals("1 first", row(database.target(), 7));
        }
    }

    /** Runs the update and commits; true if either failed with a conflict (then rolled back), false if both passed. */
    private static boolean updateThenCommitExpectingConflict(Connection connection, String update) throws SQLException {
        try {
            execute(connection, update);
        } catch (SQLException e) {
            assertConflict(e);
            connection.rollback();
            return true;
        }
        return commitExpectingConflict(connection);
    }

    private static boolean commitExpectingConflict(Connection connection) throws SQLException {
        try {
            connection.commit();
            return false;
        } catch (SQLException e) {
            assertConflict(e);
            connection.rollback();
            return true;
        }
    }

    private static void assertConflict(SQLException e) {
        if (!Conflicts.isConflict(e)) {
            fail("expected 1213 / 40001, got " + e.getErrorCode() + " / " + e.getSQLState() + ": " + e.getMessage(), e);
        }
    }

    private static void assumeStrata() {
        assumeTrue(database.target().engineNames().contains("strata"),
                "MySQL's InnoDB lets the second UPDATE overwrite (no snapshot-isolation conflict check)");
    }

    private static long counter(Connection connection, int id) throws SQLException {
        return single(connection, "SELECT n FROM counter WHERE id = " + id);
    }

    private static String row(ServerTarget target, int id) throws SQLException {
        try (Connection connection = database.target().connect(DATABASE, ""); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT n, who FROM counter WHERE id = " + id)) {
            assertTrue(result.next(), "row " + id + " exists");
            return result.getLong(1) + " " + result.getString(2);
        }
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            assertTrue(result.next(), "one row from " + sql);
            long value = result.getLong(1);
            assertTrue(!result.next(), "only one row from " + sql);
            return value;
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
