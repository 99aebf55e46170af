package io.strata.tests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The MariaDB Connector/J (jdbc:mariadb:) connects, runs DDL, prepared DML and queries. */
class MariaDbConnectorTest {
    private static final String DATABASE = "jt_mariadb_driver";

    @RegisterExtension
    static final SuiteDatabase database = new SuiteDatabase(DATABASE);

    private static Connection connect(String options) throws SQLException {
        String url = "jdbc:mariadb://" + database.target().host() + ":" + database.target().port() + "/" + DATABASE
                + "?connectTimeout=10000&socketTimeout=60000" + options;
        return DriverManager.getConnection(url, database.target().user(), database.target().password());
    }

    @Test
    void connectsAndQueries() throws SQLException {
        try (Connection connection = connect("")) {
            assertTrue(connection.getMetaData().getDriverName().toLowerCase().contains("mariadb"), "the MariaDB driver");
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE m (id INT PRIMARY KEY, name VARCHAR(20), amount DECIMAL(8,2), day DATE)");
                assertEquals(2, statement.executeUpdate(
                        "INSERT INTO m VALUES (1, 'one', 1.50, '2024-01-01'), (2, 'two', 2.25, '2024-01-02')"));
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO m VALUES (?, ?, ?, ?)")) {
                insert.setInt(1, 3);
                insert.setString(2, "three");
                insert.setBigDecimal(3, new BigDecimal("3.75"));
                insert.setObject(4, LocalDate.of(2024, 1, 3));
                assertEquals(1, insert.executeUpdate());
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT name, amount, day FROM m WHERE id >= ? ORDER BY id")) {
                select.setInt(1, 2);
                try (ResultSet rows = select.executeQuery()) {
                    assertTrue(rows.next());
                    assertEquals("two", rows.getString(1));
                    assertEquals(new BigDecimal("2.25"), rows.getBigDecimal(2));
                    assertTrue(rows.next());
                    assertEquals("three", rows.getString(1));
                    assertEquals(LocalDate.of(2024, 1, 3), rows.getObject(3, LocalDate.class));
                    assertFalse(rows.next());
                }
            }
        }
    }

    @Test
    void serverSidePreparedStatementsWork() throws SQLException {
        try (Connection connection = connect("&useServerPrepStmts=true")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE p (id INT PRIMARY KEY, v BIGINT)");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO p VALUES (?, ?)")) {
                for (int id = 1; id <= 20; id++) {
                    insert.setInt(1, id);
                    insert.setLong(2, id * 1_000_000_000L);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT v FROM p WHERE id = ?")) {
                select.setInt(1, 17);
                try (ResultSet row = select.executeQuery()) {
                    assertTrue(row.next());
                    assertEquals(17_000_000_000L, row.getLong(1));
                }
            }
        }
    }
}
