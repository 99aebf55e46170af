package io.strata.tests;

import io.strata.tests.target.ServerTarget;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Load for a fault test, bounded in count and time: writers commit transactions of two rows each
 * ({@code id = 2k, 2k+1}, {@code txn = k}), a reader scans the table. A statement may fail while the
 * storage misbehaves, but only with an error packet from the server (a MySQL error code and a message):
 * a broken connection or a dead server is a failure. A failed session starts again on a new connection.
 */
final class PairLoad {
    private static final int MAX_TRANSACTIONS_PER_WRITER = 20_000;
    private static final int MAX_READS = 20_000;
    private static final long JOIN_TIMEOUT_MS = 90_000;

    private final ServerTarget server;
    private final String table;
    private final Set<Long> acknowledged = ConcurrentHashMap.newKeySet();   // transaction numbers
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>(); // "code sqlstate message" → count
    private final Queue<String> brokenConnections = new ConcurrentLinkedQueue<>();
    private final AtomicLong reads = new AtomicLong();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    PairLoad(ServerTarget server, String table) {
        this.server = server;
        this.table = table;
    }

    void start(int writers) {
        for (int writer = 0; writer < writers; writer++) {
            long first = writer * (long) MAX_TRANSACTIONS_PER_WRITER;
            threads.add(Thread.ofPlatform().name("pair-writer-" + writer).start(() -> write(first)));
        }
        threads.add(Thread.ofPlatform().name("pair-reader").start(this::read));
    }

    void stopAndJoin() throws InterruptedException {
        stop.set(true);
        for (Thread thread : threads) {
            thread.join(JOIN_TIMEOUT_MS);
            assertTrue(!thread.isAlive(), thread.getName() + " did not stop within " + JOIN_TIMEOUT_MS + " ms");
        }
    }

    private void write(long firstTransaction) {
        Connection connection = null;
        try {
            for (long k = firstTransaction; k < firstTransaction + MAX_TRANSACTIONS_PER_WRITER && !stop.get(); k++) {
                try {
                    if (connection == null) {
                        connection = server.connect();
                        connection.setAutoCommit(false);
                    }
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("INSERT INTO " + table + " VALUES (" + 2 * k + ", " + k + ", 'a')");
                        statement.execute("INSERT INTO " + table + " VALUES (" + (2 * k + 1) + ", " + k + ", 'b')");
                    }
                    connection.commit();
                    acknowledged.add(k);
                } catch (SQLException e) {
                    connection = recordAndRecover(connection, e);
                }
            }
        } finally {
            closeQuietly(connection);
        }
    }

    private void read() {
        Connection connection = null;
        try {
            while (!stop.get() && reads.get() < MAX_READS) {
                try {
                    if (connection == null) {
                        connection = server.connect();
                    }
                    try (Statement statement = connection.createStatement();
                         ResultSet result = statement.executeQuery("SELECT COUNT(*), SUM(txn) FROM " + table)) {
                        result.next();
                    }
                    reads.incrementAndGet();
                } catch (SQLException e) {
                    connection = recordAndRecover(connection, e);
                }
            }
        } finally {
            closeQuietly(connection);
        }
    }

    /** Records the error; returns the connection to go on with (null: open a new one). */
    private Connection recordAndRecover(Connection connection, SQLException e) {
        if (e.getErrorCode() == 0) {
            // No error packet: Connector/J lost the connection (or could not open one).
            brokenConnections.add(e.getClass().getSimpleName() + ": " + e.getMessage());
            closeQuietly(connection);
            return null;
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        errors.computeIfAbsent(e.getErrorCode() + " " + e.getSQLState() + " "
                + message.substring(0, Math.min(120, message.length())), key -> new AtomicLong()).incrementAndGet();
        try {
            if (connection != null && !connection.getAutoCommit()) {
                connection.rollback();
            }
            return connection;
        } catch (SQLException rollbackFailed) {
            brokenConnections.add("rollback after " + e.getErrorCode() + " failed: " + rollbackFailed.getMessage());
            closeQuietly(connection);
            return null;
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            System.err.println("closing a broken connection: " + e.getMessage());
        }
    }

    /**
     * Every acknowledged transaction is there with both rows; no transaction is there with one row only;
     * nothing is there that no writer sent. Returns how many transactions are there.
     */
    int checkPresent() throws SQLException {
        Map<Long, Set<Long>> rowsByTransaction = new HashMap<>();
        try (Connection connection = server.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id, txn FROM " + table)) {
            while (rows.next()) {
                long id = rows.getLong(1);
                long k = rows.getLong(2);
                assertEquals(k, id / 2, "row " + id + " belongs to transaction " + id / 2);
                rowsByTransaction.computeIfAbsent(k, key -> new HashSet<>()).add(id);
            }
        }
        Set<Long> lost = new HashSet<>(acknowledged);
        lost.removeAll(rowsByTransaction.keySet());
        assertTrue(lost.isEmpty(), lost.size() + " of " + acknowledged.size() + " acknowledged transactions are missing, e.g. "
                + lost.stream().limit(10).toList());
        rowsByTransaction.forEach((k, ids) -> assertEquals(2, ids.size(), "transaction " + k + " is half there: " + ids));
        return rowsByTransaction.size();
    }

    Set<Long> acknowledged() {
        return acknowledged;
    }

    Map<String, AtomicLong> errors() {
        return errors;
    }

    Queue<String> brokenConnections() {
        return brokenConnections;
    }

    long reads() {
        return reads.get();
    }
}
