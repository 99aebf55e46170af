package io.strata.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.SplittableRandom;

/**
 * sysbench's {@code sbtest1} (id INT PRIMARY KEY, k INT, c VARCHAR(120), pad VARCHAR(60)) with the
 * same deterministic rows on every server, loaded by batched multi-row INSERTs.
 */
final class SbtestTable {
    static final String DATABASE = "sbtest";
    private static final int BATCH_ROWS = 1_000;
    private static final long SEED = 20261124L;

    private SbtestTable() {}

    static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
            statement.execute("CREATE TABLE " + DATABASE + ".sbtest1 (id INT NOT NULL, k INT NOT NULL DEFAULT 0, "
                    + "c VARCHAR(120) NOT NULL DEFAULT '', pad VARCHAR(60) NOT NULL DEFAULT '', PRIMARY KEY (id))");
        }
    }

    /** Inserts ids 1..rows; {@code connection} should have rewriteBatchedStatements=true. */
    static void load(Connection connection, int rows) throws SQLException {
        SplittableRandom random = new SplittableRandom(SEED);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + DATABASE + ".sbtest1 (id, k, c, pad) VALUES (?, ?, ?, ?)")) {
            for (int id = 1; id <= rows; id++) {
                insert.setInt(1, id);
                insert.setInt(2, 1 + random.nextInt(rows));
                insert.setString(3, digitGroups(random, 11, 10));
                insert.setString(4, digitGroups(random, 11, 5));
                insert.addBatch();
                if (id % BATCH_ROWS == 0 || id == rows) {
                    insert.executeBatch();
                }
            }
        }
        try (Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + DATABASE + ".sbtest1")) {
            if (!count.next() || count.getLong(1) != rows) {
                throw new IllegalStateException("sbtest1 should hold " + rows + " rows after loading");
            }
        }
    }

    /** sysbench's c/pad shape: groups of digits joined by '-' (11 digits x 10 groups = 119 characters). */
    private static String digitGroups(SplittableRandom random, int digits, int groups) {
        StringBuilder text = new StringBuilder(digits * groups + groups);
        for (int group = 0; group < groups; group++) {
            if (group > 0) {
                text.append('-');
            }
            for (int digit = 0; digit < digits; digit++) {
                text.append((char) ('0' + random.nextInt(10)));
            }
        }
        return text.toString();
    }
}
