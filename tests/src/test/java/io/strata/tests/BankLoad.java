package io.strata.tests;

import io.strata.tests.target.ServerTarget;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The bank: {@code accounts} rows of {@code INITIAL_BALANCE}; transfer threads move random amounts
 * between two random accounts (read both balances, write both new balances, commit), retrying on a
 * conflict; a reader checks in its transactions that the total never changes and that two reads of
 * it agree. Bounded by a count of committed transfers and by time. Each committed transfer
 * is booked in {@link #expectedBalances()}, so the exact balance of every account is known.
 */
final class BankLoad {
    static final long INITIAL_BALANCE = 1_000;
    private static final int MAX_TRANSFERS_PER_THREAD = 5_000;
    private static final int MAX_ATTEMPTS_PER_TRANSFER = 50;
    private static final int MAX_CHECKS = 100_000;
    private static final long JOIN_TIMEOUT_MS = 60_000;

    private final ServerTarget server;
    private final String table;
    private final int accounts;
    private final AtomicLongArray expected;
    private final AtomicLong committed = new AtomicLong();
    private final AtomicLong conflicts = new AtomicLong();
    private final AtomicLong checks = new AtomicLong();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();

    BankLoad(ServerTarget server, String table, int accounts) {
        this.server = server;
        this.table = table;
        this.accounts = accounts;
        this.expected = new AtomicLongArray(accounts);
        for (int account = 0; account < accounts; account++) {
            expected.set(account, INITIAL_BALANCE);
        }
    }

    long total() {
        return INITIAL_BALANCE * accounts;
    }

    void createAccounts() throws SQLException {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, balance BIGINT NOT NULL)");
            StringBuilder insert = new StringBuilder("INSERT INTO " + table + " VALUES ");
            for (int account = 0; account < accounts; account++) {
                insert.append(account == 0 ? "" : ", ").append('(').append(account).append(", ").append(INITIAL_BALANCE).append(')');
            }
            statement.execute(insert.toString());
        }
    }

    /**
     * Runs {@code transferThreads} transfer threads and one checking reader until {@code targetTransfers}
     * transfers committed or {@code maxLoadMs} passed, whichever comes first; rethrows the first failure.
     */
    void run(int transferThreads, long targetTransfers, long maxLoadMs) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < transferThreads; t++) {
            long seed = 17L * t + 1;
            threads.add(Thread.ofPlatform().name("bank-transfer-" + t).start(() -> guarded(() -> transfers(seed))));
        }
        threads.add(Thread.ofPlatform().name("bank-reader").start(() -> guarded(this::checkTotals)));
        long deadline = System.currentTimeMillis() + maxLoadMs;
        while (!stop.get() && committed.get() < targetTransfers && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        stop.set(true);
        for (Thread thread : threads) {
            thread.join(JOIN_TIMEOUT_MS);
            if (thread.isAlive()) {
                throw new AssertionError(thread.getName() + " did not stop within " + JOIN_TIMEOUT_MS + " ms");
            }
        }
        if (!failures.isEmpty()) {
            AssertionError error = new AssertionError("the bank load failed: " + failures.peek(), failures.peek());
            failures.stream().skip(1).limit(5).forEach(error::addSuppressed);
            throw error;
        }
    }

    private interface Body {
        void run() throws Exception;
    }

    private void guarded(Body body) {
        try {
            body.run();
        } catch (Throwable e) {
            failures.add(e);
            stop.set(true);
        }
    }

    private void transfers(long seed) throws SQLException {
        Random random = new Random(seed);
        try (Connection connection = server.connect()) {
            connection.setAutoCommit(false);
            for (int n = 0; n < MAX_TRANSFERS_PER_THREAD && !stop.get(); n++) {
                int from = random.nextInt(accounts);
                int to = (from + 1 + random.nextInt(accounts - 1)) % accounts;
                long amount = 1 + random.nextInt(100);
                transferWithRetries(connection, from, to, amount);
            }
        }
    }

    private void transferWithRetries(Connection connection, int from, int to, long amount) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                if (transfer(connection, from, to, amount)) {
                    expected.addAndGet(from, -amount);
                    expected.addAndGet(to, amount);
                    committed.incrementAndGet();
                }
                return;
            } catch (SQLException e) {
                connection.rollback();
                if (!Conflicts.isConflict(e) || attempt >= MAX_ATTEMPTS_PER_TRANSFER) {
                    throw e;
                }
                conflicts.incrementAndGet();
            }
        }
    }

    /** One transaction; false (rolled back) when {@code from} cannot pay. New balances are computed here, not by SQL. */
    private boolean transfer(Connection connection, int from, int to, long amount) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            long fromBalance = balance(statement, from);
            long toBalance = balance(statement, to);
            if (fromBalance < amount) {
                connection.rollback();
                return false;
            }
            statement.executeUpdate("UPDATE " + table + " SET balance = " + (fromBalance - amount) + " WHERE id = " + from);
            statement.executeUpdate("UPDATE " + table + " SET balance = " + (toBalance + amount) + " WHERE id = " + to);
            connection.commit();
            return true;
        }
    }

    private long balance(Statement statement, int account) throws SQLException {
        try (ResultSet result = statement.executeQuery("SELECT balance FROM " + table + " WHERE id = " + account)) {
            if (!result.next()) {
                throw new AssertionError("account " + account + " is missing");
            }
            return result.getLong(1);
        }
    }

    private void checkTotals() throws SQLException {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            while (!stop.get() && checks.get() < MAX_CHECKS) {
                long sum = single(statement, "SELECT SUM(balance) FROM " + table);
                long rowByRow = 0;
                try (ResultSet rows = statement.executeQuery("SELECT id, balance FROM " + table)) {
                    while (rows.next()) {
                        rowByRow += rows.getLong(2);
                    }
                }
                long sumAgain = single(statement, "SELECT SUM(balance) FROM " + table);
                connection.commit();
                if (sum != total() || rowByRow != total() || sumAgain != total()) {
                    throw new AssertionError("inside one transaction: SUM " + sum + ", row by row " + rowByRow
                            + ", SUM again " + sumAgain + "; the total is " + total());
                }
                checks.incrementAndGet();
            }
        }
    }

    private static long single(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            if (!result.next()) {
                throw new AssertionError("no row from " + sql);
            }
            return result.getLong(1);
        }
    }

    /** The balance of each account that the committed transfers imply. */
    long[] expectedBalances() {
        long[] balances = new long[accounts];
        for (int account = 0; account < accounts; account++) {
            balances[account] = expected.get(account);
        }
        return balances;
    }

    /** The balances the server has, by account id. */
    long[] balances() throws SQLException {
        long[] balances = new long[accounts];
        try (Connection connection = server.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id, balance FROM " + table + " ORDER BY id")) {
            int count = 0;
            while (rows.next()) {
                balances[rows.getInt(1)] = rows.getLong(2);
                count++;
            }
            if (count != accounts) {
                throw new AssertionError(count + " accounts instead of " + accounts);
            }
        }
        return balances;
    }

    long committed() {
        return committed.get();
    }

    long conflicts() {
        return conflicts.get();
    }

    long checks() {
        return checks.get();
    }
}
