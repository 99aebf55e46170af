package io.strata.tests;

import io.strata.tests.target.RestartableServer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Write load for a crash test, bounded in time and count: autocommit writers insert single rows, one
 * writer commits three-row transactions, and one session holds a transaction that never commits.
 * After {@code loadMs} the server is SIGKILLed while the writers are still writing. Every insert
 * is recorded as sent before it is executed and as acknowledged once the server answered OK.
 */
final class CrashLoad {
    private static final int AUTOCOMMIT_WRITERS = 3;
    private static final int MAX_INSERTS_PER_WRITER = 50_000;
    private static final long JOIN_TIMEOUT_MS = 30_000;
    private static final long TRANSACTION_WRITER = 9;
    private static final long OPEN_TRANSACTION = 99;

    private final RestartableServer server;
    private final String table;
    private final long loadMs;
    private final long idBase;
    private final Set<Long> sent = ConcurrentHashMap.newKeySet();
    private final Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
    private final Set<Long> neverCommitted = ConcurrentHashMap.newKeySet();
    private final List<long[]> committedTransactions = new ArrayList<>();
    private final AtomicBoolean killed = new AtomicBoolean();
    private final Queue<Throwable> writerFailures = new ConcurrentLinkedQueue<>();

    /** Ids are {@code idBase} + writer * 1,000,000 + n, so several loads can share a table. */
    CrashLoad(RestartableServer server, String table, long loadMs, long idBase) {
        this.server = server;
        this.table = table;
        this.loadMs = loadMs;
        this.idBase = idBase;
    }

    void runThenKill() throws Exception {
        List<Thread> writers = new ArrayList<>();
        for (int writer = 0; writer < AUTOCOMMIT_WRITERS; writer++) {
            int id = writer;
            writers.add(Thread.ofPlatform().name("crash-writer-" + id).start(() -> autocommitWriter(id)));
        }
        writers.add(Thread.ofPlatform().name("crash-txn-writer").start(this::transactionWriter));
        try (Connection open = server.connect(); Statement statement = open.createStatement()) {
            open.setAutoCommit(false);
            for (long n = 0; n < 5; n++) {
                long id = idBase + OPEN_TRANSACTION * 1_000_000 + n;
                sent.add(id);
                neverCommitted.add(id);
                statement.execute("INSERT INTO " + table + " VALUES (" + id + ", " + OPEN_TRANSACTION + ", 'open')");
            }
            Thread.sleep(loadMs);
            killed.set(true);
            server.kill();
        } catch (SQLException expectedAfterKill) {
            assertTrue(killed.get(), "the open transaction failed before the kill: " + expectedAfterKill);
        }
        for (Thread writer : writers) {
            writer.join(JOIN_TIMEOUT_MS);
            if (writer.isAlive()) {
                fail(writer.getName() + " did not stop within " + JOIN_TIMEOUT_MS + " ms of the kill");
            }
        }
        if (!writerFailures.isEmpty()) {
            throw new AssertionError("a writer failed before the kill", writerFailures.peek());
        }
    }

    private void autocommitWriter(int writer) {
        try (Connection connection = server.connect();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " VALUES (?, ?, ?)")) {
            for (long n = 0; n < MAX_INSERTS_PER_WRITER && !killed.get(); n++) {
                long id = idBase + writer * 1_000_000L + n;
                insert.setLong(1, id);
                insert.setInt(2, writer);
                insert.setString(3, "row " + n);
                sent.add(id);
                insert.executeUpdate();
                acknowledged.add(id);
            }
        } catch (SQLException e) {
            if (!killed.get()) {
                writerFailures.add(new IllegalStateException("writer " + writer + " failed before the kill", e));
            }
        }
    }

    private void transactionWriter() {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            for (long n = 0; n < MAX_INSERTS_PER_WRITER && !killed.get(); n += 3) {
                long[] ids = new long[3];
                for (int i = 0; i < 3; i++) {
                    ids[i] = idBase + TRANSACTION_WRITER * 1_000_000 + n + i;
                    sent.add(ids[i]);
                    statement.execute("INSERT INTO " + table + " VALUES (" + ids[i] + ", " + TRANSACTION_WRITER + ", 'txn')");
                }
                synchronized (committedTransactions) {
                    committedTransactions.add(ids);
                }
                connection.commit();
                for (long id : ids) {
                    acknowledged.add(id);
                }
            }
        } catch (SQLException e) {
            if (!killed.get()) {
                writerFailures.add(new IllegalStateException("the transaction writer failed before the kill", e));
            }
        }
    }

    /**
     * After the restart: every acknowledged row is there, no row that was never sent or never
     * committed is, each transaction is all or nothing, and the server takes new writes.
     */
    void checkRecovered() throws SQLException {
        assertTrue(acknowledged.size() > 10, "the load was acknowledged at least a few times: " + acknowledged.size());
        Set<Long> present = new HashSet<>();
        try (Connection connection = server.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id FROM " + table + " WHERE id >= " + idBase)) {
            while (rows.next()) {
                present.add(rows.getLong(1));
            }
        }
        Set<Long> lost = new HashSet<>(acknowledged);
        lost.removeAll(present);
        assertTrue(lost.isEmpty(), lost.size() + " of " + acknowledged.size()
                + " acknowledged rows lost after kill -9, e.g. " + lost.stream().limit(10).toList());
        Set<Long> invented = new HashSet<>(present);
        invented.removeAll(sent);
        invented.removeIf(id -> id < 0);
        assertTrue(invented.isEmpty(), "rows never sent appeared: " + invented.stream().limit(10).toList());
        Set<Long> uncommitted = new HashSet<>(present);
        uncommitted.retainAll(neverCommitted);
        assertTrue(uncommitted.isEmpty(), "rows of a transaction that never committed appeared: " + uncommitted);
        checkTransactionsAllOrNothing(present);
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            assertEquals(1, statement.executeUpdate("INSERT INTO " + table + " VALUES (" + (-1 - idBase) + ", -1, 'after restart')"),
                    "the recovered server takes new writes");
        }
    }

    /** Each three-row transaction (acknowledged or in flight at the kill) is there completely or not at all. */
    void checkTransactionsAllOrNothing(Set<Long> present) {
        synchronized (committedTransactions) {
            for (long[] ids : committedTransactions) {
                int there = 0;
                for (long id : ids) {
                    there += present.contains(id) ? 1 : 0;
                }
                assertTrue(there == 0 || there == ids.length, "a transaction is half there: " + java.util.Arrays.toString(ids));
            }
        }
    }

    Set<Long> sent() {
        return sent;
    }

    Set<Long> acknowledged() {
        return acknowledged;
    }

    Set<Long> neverCommitted() {
        return neverCommitted;
    }
}
