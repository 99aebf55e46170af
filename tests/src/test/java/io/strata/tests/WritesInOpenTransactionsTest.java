package io.strata.tests;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Prepared UPDATE, DELETE and INSERT inside open transactions, and bare BEGIN / COMMIT / ROLLBACK, as
 * OLTP clients send them. Strata tries these on its IO thread in a mode that never waits; one that
 * reaches a row lock is undone there and run again on a worker, where it waits as any statement does;
 * a commit's answer is sent once the log has made it durable. The answers must not show which way a
 * statement went.
 */
@Timeout(120)
class WritesInOpenTransactionsTest {
    private static final String DATABASE = "jt_open_writes";
    private static final String OPTIONS = "useServerPrepStmts=true&cachePrepStmts=true";

    @RegisterExtension
    static final SuiteDatabase database = new SuiteDatabase(DATABASE,
            "CREATE TABLE acct (id INT PRIMARY KEY, balance INT NOT NULL)");

    @BeforeEach
    void tenAccountsOf100() throws SQLException {
        try (Connection connection = database.target().connect(DATABASE, ""); Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM acct");
            statement.execute("INSERT INTO acct VALUES (1,100),(2,100),(3,100),(4,100),(5,100),(6,100),(7,100),(8,100),(9,100),(10,100)");
        }
    }

    /** How a test sends BEGIN, COMMIT and ROLLBACK. */
    private interface TransactionControl {
        void send(String statement) throws SQLException;
    }

    @Test
    void manyShortTransactionsAnswerExactlyAndRunWithoutWaitingOnStrata() throws SQLException {
        try (Connection connection = database.target().connect(DATABASE, OPTIONS); Statement statement = connection.createStatement()) {
            shortTransactions(connection, statement::execute);
        }
    }

    /** As sysbench sends them: BEGIN and COMMIT prepared once, then executed around every transaction. */
    @Test
    void preparedBeginAndCommitRunWithoutWaitingToo() throws SQLException {
        try (Connection connection = database.target().connect(DATABASE, OPTIONS);
             PreparedStatement begin = connection.prepareStatement("BEGIN");
             PreparedStatement commit = connection.prepareStatement("COMMIT");
             PreparedStatement rollback = connection.prepareStatement("ROLLBACK")) {
            Map<String, PreparedStatement> prepared = Map.of("BEGIN", begin, "COMMIT", commit, "ROLLBACK", rollback);
            shortTransactions(connection, control -> prepared.get(control).execute());
        }
    }

    private void shortTransactions(Connection connection, TransactionControl control) throws SQLException {
        Map<String, Long> before = noWaitCounters();
        try (Statement reads = connection.createStatement();
             PreparedStatement add = connection.prepareStatement("UPDATE acct SET balance = balance + ? WHERE id = ?");
             PreparedStatement delete = connection.prepareStatement("DELETE FROM acct WHERE id = ?");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO acct (id, balance) VALUES (?, ?)")) {
            for (int round = 0; round < 200; round++) {
                int from = 1 + round % 10;
                int to = 1 + (round * 7 + 3) % 10;
                control.send("BEGIN");
                assertEquals(1, update(add, -5, from));
                assertEquals(1, update(add, 5, to));
                delete.setInt(1, 11);
                assertEquals(round == 0 ? 0 : 1, delete.executeUpdate());
                insert.setInt(1, 11);
                insert.setInt(2, round);
                assertEquals(1, insert.executeUpdate());
                control.send(round % 5 == 4 ? "ROLLBACK" : "COMMIT"); // a rollback keeps the last round's row 11
            }
            assertEquals(1000, sum(reads, "SELECT SUM(balance) FROM acct WHERE id <= 10"));
            assertEquals(198, sum(reads, "SELECT balance FROM acct WHERE id = 11"));
        }
        if (database.target().name().equals("strata")) {
            Map<String, Long> after = noWaitCounters();
            long runs = after.get("Strata_no_wait_commands") - before.get("Strata_no_wait_commands");
            long deferred = after.get("Strata_no_wait_commands_deferred") - before.get("Strata_no_wait_commands_deferred");
            // Per round: BEGIN, 4 writes, then COMMIT or ROLLBACK; a COMMIT does not wait for the log there (its
            // answer does). The first executions of each statement are not known to be short yet, a loaded
            // machine may make a few slow, and a command arriving while the worker still finishes the previous
            // one queues behind it; a commit is deferred only when flushing has fallen far behind.
            assertTrue(runs > 200 * 5, "commands run without waiting: " + runs);
            assertTrue(deferred < 20, "deferred: " + deferred);
        }
    }

    /** As oltp_insert sends them: each INSERT commits itself; on Strata from the IO thread, answered once durable. */
    @Test
    void autocommittedPreparedWritesAnswerOnceCommitted() throws SQLException {
        Map<String, Long> before = noWaitCounters();
        try (Connection connection = database.target().connect(DATABASE, OPTIONS);
             Connection observer = database.target().connect(DATABASE, "");
             Statement reads = observer.createStatement();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO acct (id, balance) VALUES (?, ?)");
             PreparedStatement add = connection.prepareStatement("UPDATE acct SET balance = balance + ? WHERE id = ?")) {
            for (int id = 100; id < 400; id++) {
                insert.setInt(1, id);
                insert.setInt(2, 1);
                assertEquals(1, insert.executeUpdate());
                assertEquals(1, update(add, 1, id));
                if (id % 50 == 0) { // another connection sees every answered commit at once
                    assertEquals(2L * (id - 99), sum(reads, "SELECT SUM(balance) FROM acct WHERE id >= 100"));
                }
            }
            insert.setInt(1, 100);
            SQLException duplicate = assertThrows(SQLException.class, insert::executeUpdate);
            assertEquals(1062, duplicate.getErrorCode());
            assertEquals(600, sum(reads, "SELECT SUM(balance) FROM acct WHERE id >= 100"));
        }
        if (database.target().name().equals("strata")) {
            Map<String, Long> after = noWaitCounters();
            long runs = after.get("Strata_no_wait_commands") - before.get("Strata_no_wait_commands");
            assertTrue(runs > 500, "commands run without waiting: " + runs);
        }
    }

    @Test
    void aWriteThatMeetsALockedRowWaitsForItAndThenSeesTheCommit() throws Exception {
        try (Connection holder = database.target().connect(DATABASE, OPTIONS);
             Connection waiter = database.target().connect(DATABASE, OPTIONS);
             Connection bystander = database.target().connect(DATABASE, OPTIONS)) {
            holder.setAutoCommit(false);
            waiter.setAutoCommit(false);
            try (PreparedStatement add = waiter.prepareStatement("UPDATE acct SET balance = balance + ? WHERE id = ?");
                 PreparedStatement select = bystander.prepareStatement("SELECT balance FROM acct WHERE id = ?")) {
                for (int i = 0; i < 50; i++) { // short executions on a free row: later ones usually run without waiting
                    assertEquals(1, update(add, 1, 2));
                }
                waiter.rollback();
                try (Statement statement = holder.createStatement()) {
                    assertEquals(1, statement.executeUpdate("UPDATE acct SET balance = balance - 40 WHERE id = 1"));
                }
                CompletableFuture<Integer> blocked = CompletableFuture.supplyAsync(() -> {
                    try {
                        return update(add, 10, 1);
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                assertThrows(TimeoutException.class, () -> blocked.get(300, TimeUnit.MILLISECONDS),
                        "the waiter waits for the holder's row lock");
                for (int id = 1; id <= 10; id++) { // the server's IO threads still serve other connections
                    select.setInt(1, id);
                    try (ResultSet rows = select.executeQuery()) {
                        assertTrue(rows.next());
                        assertEquals(100, rows.getInt(1), "nothing is committed yet");
                    }
                }
                holder.commit();
                // The row the waiter's snapshot read changed under it: 1213 under snapshot isolation, or
                // MariaDB's locking read of the newest version.
                try {
                    assertEquals(1, blocked.get(30, TimeUnit.SECONDS));
                    waiter.commit();
                    assertEquals(70, balance(bystander, 1));
                } catch (java.util.concurrent.ExecutionException e) {
                    SQLException error = (SQLException) e.getCause().getCause();
                    assertEquals(1213, error.getErrorCode(), error.getMessage());
                    waiter.rollback();
                    assertEquals(60, balance(bystander, 1));
                }
                assertEquals(100, balance(bystander, 2), "the warm-up was rolled back");
                // (WithoutWaitingTest in sql-frontend shows the refusal and the rerun step by step.)
            }
        }
    }

    @Test
    void aFailedWriteInsideATransactionKeepsTheTransactionsEarlierWrites() throws SQLException {
        try (Connection connection = database.target().connect(DATABASE, OPTIONS);
             PreparedStatement move = connection.prepareStatement("UPDATE acct SET id = ? WHERE id = ?");
             PreparedStatement add = connection.prepareStatement("UPDATE acct SET balance = balance + ? WHERE id = ?")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < 20; i++) {
                assertEquals(1, update(add, 1, 3));
            }
            move.setInt(1, 4);
            move.setInt(2, 3);
            SQLException duplicate = assertThrows(SQLException.class, move::executeUpdate);
            assertEquals(1062, duplicate.getErrorCode());
            connection.commit();
        }
        try (Connection connection = database.target().connect(DATABASE, "")) {
            assertEquals(120, balance(connection, 3));
            assertEquals(100, balance(connection, 4));
        }
    }

    private static int update(PreparedStatement statement, int amount, int id) throws SQLException {
        statement.setInt(1, amount);
        statement.setInt(2, id);
        return statement.executeUpdate();
    }

    private static long sum(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            assertTrue(rows.next());
            long value = rows.getLong(1);
            assertFalse(rows.next());
            return value;
        }
    }

    private static int balance(Connection connection, int id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT balance FROM acct WHERE id = ?")) {
            select.setInt(1, id);
            try (ResultSet rows = select.executeQuery()) {
                assertTrue(rows.next());
                return rows.getInt(1);
            }
        }
    }

    /** Strata's counters of commands run without waiting (absent on other servers). */
    private static Map<String, Long> noWaitCounters() throws SQLException {
        Map<String, Long> counters = new HashMap<>();
        try (Connection connection = database.target().connect(DATABASE, ""); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW STATUS LIKE 'Strata_no_wait%'")) {
            while (rows.next()) {
                counters.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counters;
    }
}
