package io.strata.protocol;

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
import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MariaDB Connector/J 3.5 against the server: text and binary protocol, multi-statements. */
class MariadbConnectorTest {
    @RegisterExtension
    static final SharedServer fixture = new SharedServer();

    static Connection connect(String properties) throws SQLException {
        return DriverManager.getConnection(fixture.mariadbUrl("test",
                "user=root&password=111&allowPublicKeyRetrieval=true&" + properties));
    }

    @Test
    void textAndBinaryRowsOfEveryTypeAgree() throws SQLException {
        try (Connection text = connect("useServerPrepStmts=false");
             Connection binary = connect("useServerPrepStmts=true")) {
            for (int id = 1; id <= 3; id++) {
                List<String> raw = List.of(ExpectedRows.ROW_1, ExpectedRows.ROW_2, ExpectedRows.ROW_3).get(id - 1);
                // MariaDB's driver hands out text values as sent; binary DOUBLEs print in Java's form.
                List<String> expected = ExpectedRows.jdbc(raw);
                try (Statement statement = text.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT * FROM all_types WHERE id = " + id)) {
                    assertTrue(rows.next());
                    assertEquals(raw, ExpectedRows.read(rows));
                }
                try (PreparedStatement select = binary.prepareStatement("SELECT * FROM all_types WHERE id = ?")) {
                    select.setInt(1, id);
                    try (ResultSet rows = select.executeQuery()) {
                        assertTrue(rows.next());
                        List<String> values = ExpectedRows.read(rows);
                        // Binary FLOAT 0.1f reads back widened to double, as with real MySQL.
                        assertEquals(expected.subList(0, 7), values.subList(0, 7));
                        assertEquals(expected.subList(8, 22), values.subList(8, 22));
                        assertFalse(rows.next());
                    }
                }
            }
        }
    }

    @Test
    void binaryParametersRoundTrip() throws SQLException {
        try (Connection connection = connect("useServerPrepStmts=true");
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO all_types VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Object[] values = {200, false, (byte) 1, (short) 2, 3, 4L, new BigDecimal("5.67"), 8.5f, 9.25, "vc", "c",
                    "t", new byte[] {(byte) 0xC3, 0x28}, new byte[] {-1}, LocalDate.of(2001, 2, 3), java.sql.Time.valueOf("04:05:06"),
                    LocalDateTime.of(2001, 2, 3, 4, 5, 6), LocalDateTime.of(2001, 2, 3, 4, 5, 6, 700_000_000),
                    LocalDateTime.of(2002, 1, 1, 0, 0), "{}", "[1, 2, 3]", "[4, 5]"};
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            assertEquals(1, insert.executeUpdate());
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM all_types WHERE id = ?")) {
                select.setInt(1, 200);
                try (ResultSet rows = select.executeQuery()) {
                    assertTrue(rows.next());
                    assertEquals(List.of("200", "0", "1", "2", "3", "4", "5.67", "8.5", "9.25", "vc", "c", "t", "0xc328", "0xff",
                            "2001-02-03", "04:05:06", "2001-02-03 04:05:06", "2001-02-03 04:05:06.700000",
                            "2002-01-01 00:00:00", "{}", "[1, 2, 3]", "[4, 5]"), ExpectedRows.read(rows));
                }
            }
        }
    }

    @Test
    void multiStatementsAndErrors() throws SQLException {
        try (Connection connection = connect("allowMultiQueries=true"); Statement statement = connection.createStatement()) {
            assertTrue(statement.execute("SELECT 1; SELECT 2"));
            assertTrue(statement.getMoreResults());
            try (ResultSet rows = statement.getResultSet()) {
                assertTrue(rows.next());
                assertEquals(2, rows.getLong(1));
            }
            SQLException error = assertThrows(SQLException.class, () -> statement.execute("FAIL"));
            assertEquals(1146, error.getErrorCode());
            assertEquals("42S02", error.getSQLState());
        }
    }
}
