package io.strata.tests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Server-side prepared statements (Connector/J with useServerPrepStmts=true: COM_STMT_PREPARE /
 * EXECUTE and the binary row format): every column type goes in through setX and comes back through
 * getX unchanged, NULLs included, and one prepared statement runs many times with new parameters.
 */
class PreparedStatementTypesTest {
    private static final String DATABASE = "jt_prepared";
    private static final String SERVER_PREPARED = "useServerPrepStmts=true&cachePrepStmts=false";

    @RegisterExtension
    static final SuiteDatabase database = new SuiteDatabase(DATABASE,
            "CREATE TABLE all_types (id INT NOT NULL PRIMARY KEY, i INT, b BIGINT, d DECIMAL(12,3), "
                    + "f DOUBLE, v VARCHAR(40), t TEXT, dt DATE, dtm DATETIME, ts TIMESTAMP NULL, flag BOOLEAN)");

    @Test
    void everyTypeRoundTripsThroughServerSidePreparedStatements() throws SQLException {
        LocalDate date = LocalDate.of(2024, 2, 29);
        LocalDateTime dateTime = LocalDateTime.of(2023, 12, 31, 23, 59, 58);
        Timestamp timestamp = Timestamp.valueOf(LocalDateTime.of(2024, 7, 1, 12, 30, 45));
        try (Connection connection = database.target().connect(DATABASE, SERVER_PREPARED)) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO all_types VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                assertInstanceOf(com.mysql.cj.jdbc.ServerPreparedStatement.class, insert,
                        "Connector/J fell back to client-side prepared statements: the server refused COM_STMT_PREPARE");
                insert.setInt(1, 1);
                insert.setInt(2, -2147483648);
                insert.setLong(3, 9223372036854775807L);
                insert.setBigDecimal(4, new BigDecimal("-123456789.125"));
                insert.setDouble(5, 0.1 + 0.2);
                insert.setString(6, "grüße, 東京 'quoted'");
                insert.setString(7, "a longer text\nwith a newline");
                insert.setDate(8, Date.valueOf(date));
                insert.setObject(9, dateTime);
                insert.setTimestamp(10, timestamp);
                insert.setBoolean(11, true);
                assertEquals(1, insert.executeUpdate());
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, i, b, d, f, v, t, dt, dtm, ts, flag FROM all_types WHERE id = ?")) {
                assertInstanceOf(com.mysql.cj.jdbc.ServerPreparedStatement.class, select);
                select.setInt(1, 1);
                try (ResultSet row = select.executeQuery()) {
                    assertTrue(row.next(), "the inserted row");
                    assertEquals(1, row.getInt(1));
                    assertEquals(-2147483648, row.getInt(2));
                    assertEquals(9223372036854775807L, row.getLong(3));
                    assertEquals(new BigDecimal("-123456789.125"), row.getBigDecimal(4));
                    assertEquals(0.1 + 0.2, row.getDouble(5));
                    assertEquals("grüße, 東京 'quoted'", row.getString(6));
                    assertEquals("a longer text\nwith a newline", row.getString(7));
                    assertEquals(date, row.getObject(8, LocalDate.class));
                    assertEquals(Date.valueOf(date), row.getDate(8));
                    assertEquals(dateTime, row.getObject(9, LocalDateTime.class));
                    assertEquals(timestamp, row.getTimestamp(10));
                    assertTrue(row.getBoolean(11));
                    assertFalse(row.next(), "one row for one key");
                }
            }
        }
    }

    @Test
    void nullsRoundTripThroughSetNullAndWasNull() throws SQLException {
        try (Connection connection = database.target().connect(DATABASE, SERVER_PREPARED)) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO all_types VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setInt(1, 2);
                int[] types = {Types.INTEGER, Types.BIGINT, Types.DECIMAL, Types.DOUBLE, Types.VARCHAR, Types.LONGVARCHAR,
                        Types.DATE, Types.TIMESTAMP, Types.TIMESTAMP, Types.BOOLEAN};
                for (int i = 0; i < types.length; i++) {
                    insert.setNull(i + 2, types[i]);
                }
                assertEquals(1, insert.executeUpdate());
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM all_types WHERE id = ?")) {
                select.setInt(1, 2);
                try (ResultSet row = select.executeQuery()) {
                    assertTrue(row.next());
                    for (int column = 2; column <= 11; column++) {
                        assertNull(row.getObject(column), "column " + column + " is NULL");
                        row.getInt(column);
                        assertTrue(row.wasNull(), "wasNull after column " + column);
                    }
                }
            }
        }
    }

    @Test
    void onePreparedStatementRunsManyTimesWithNewParameters() throws SQLException {
        try (Connection connection = database.target().connect(DATABASE, SERVER_PREPARED)) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO all_types (id, i, v, flag) VALUES (?, ?, ?, ?)")) {
                for (int id = 100; id < 150; id++) {
                    insert.setInt(1, id);
                    insert.setInt(2, id * 10);
                    insert.setString(3, "row " + id);
                    insert.setBoolean(4, id % 2 == 0);
                    assertEquals(1, insert.executeUpdate());
                }
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT i, v, flag FROM all_types WHERE id = ?")) {
                for (int id = 149; id >= 100; id -= 7) {
                    select.setInt(1, id);
                    try (ResultSet row = select.executeQuery()) {
                        assertTrue(row.next(), "row " + id);
                        assertEquals(id * 10, row.getInt(1));
                        assertEquals("row " + id, row.getString(2));
                        assertEquals(id % 2 == 0, row.getBoolean(3));
                        assertFalse(row.next());
                    }
                }
            }
            try (PreparedStatement range = connection.prepareStatement(
                    "SELECT COUNT(*), SUM(i) FROM all_types WHERE id BETWEEN ? AND ?")) {
                range.setInt(1, 100);
                range.setInt(2, 109);
                try (ResultSet row = range.executeQuery()) {
                    assertTrue(row.next());
                    assertEquals(10, row.getLong(1));
                    assertEquals(10 * 1045, row.getLong(2));
                }
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE all_types SET v = ? WHERE id < ? AND id >= 100");
                 PreparedStatement delete = connection.prepareStatement("DELETE FROM all_types WHERE id >= ?")) {
                update.setString(1, "changed");
                update.setInt(2, 105);
                assertEquals(5, update.executeUpdate());
                delete.setInt(1, 110);
                assertEquals(40, delete.executeUpdate());
            }
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM all_types WHERE v = 'changed'")) {
                assertTrue(row.next());
                assertEquals(5, row.getInt(1));
            }
        }
    }
}
