package io.strata.tests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Server-side prepared point selects, which Strata runs on its IO thread once their cached plan is known
 * to read by key, answer exactly like any statement: right rows, interleaved with slower statements on
 * the same connection, from several connections at once, and after DDL replaced the table.
 */
@Timeout(120)
class QuickStatementsTest {
    private static final String DATABASE = "jt_quick";
    private static final String OPTIONS = "useServerPrepStmts=true&cachePrepStmts=true";

    @RegisterExtension
    static final SuiteDatabase database = new SuiteDatabase(DATABASE,
            "CREATE TABLE items (id INT PRIMARY KEY, label VARCHAR(20) NOT NULL)",
            insertItems());

    /** Rows 1..500 labelled item-N. */
    private static String insertItems() {
        StringBuilder insert = new StringBuilder("INSERT INTO items VALUES ");
        for (int id = 1; id <= 500; id++) {
            insert.append(id == 1 ? "" : ",").append('(').append(id).append(",'item-").append(id).append("')");
        }
        return insert.toString();
    }

    private static String label(PreparedStatement select, int id) throws SQLException {
        select.setInt(1, id);
        try (ResultSet rows = select.executeQuery()) {
            if (!rows.next()) {
                return null;
            }
            String label = rows.getString(1);
            assertFalse(rows.next());
            return label;
        }
    }

    @Test
    void repeatedPointSelectsInterleavedWithScansAndDdl() throws SQLException {
        try (Connection connection = database.target().connect(DATABASE, OPTIONS);
             PreparedStatement select = connection.prepareStatement("SELECT label FROM items WHERE id = ?");
             PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM items WHERE id <= ?")) {
            for (int round = 0; round < 300; round++) {
                int id = 1 + (round * 37) % 520;
                assertEquals(id <= 500 ? "item-" + id : null, label(select, id));
                if (round % 50 == 0) {
                    count.setInt(1, id);
                    try (ResultSet rows = count.executeQuery()) {
                        assertTrue(rows.next());
                        assertEquals(Math.min(id, 500), rows.getInt(1));
                    }
                }
            }
            try (Connection other = database.target().connect(DATABASE, ""); Statement statement = other.createStatement()) {
                statement.execute("DROP TABLE items");
                statement.execute("CREATE TABLE items (label VARCHAR(20), id INT PRIMARY KEY)");
                statement.execute("INSERT INTO items VALUES ('new-7', 7)");
            }
            assertEquals("new-7", label(select, 7), "the plan made before the DDL is not used");
            assertEquals(null, label(select, 8));
            assertEquals("new-7", label(select, 7));
            try (Connection other = database.target().connect(DATABASE, ""); Statement statement = other.createStatement()) {
                statement.execute("DROP TABLE items");
                statement.execute("CREATE TABLE items (id INT PRIMARY KEY, label VARCHAR(20) NOT NULL)");
                statement.execute(insertItems());
            }
        }
    }

    @Test
    void manyConnectionsAtOnce() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int client = 0; client < 4; client++) {
                int seed = client;
                results.add(clients.submit(() -> {
                    int checked = 0;
                    try (Connection connection = database.target().connect(DATABASE, OPTIONS);
                         PreparedStatement select = connection.prepareStatement("SELECT label FROM items WHERE id = ?")) {
                        for (int i = 0; i < 300; i++) {
                            int id = 1 + (seed * 131 + i * 17) % 500;
                            assertEquals("item-" + id, label(select, id));
                            checked++;
                        }
                    }
                    return checked;
                }));
            }
            for (Future<Integer> result : results) {
                assertEquals(300, result.get(60, TimeUnit.SECONDS));
            }
        } finally {
            clients.shutdownNow();
        }
    }
}
