package io.strata.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Connector/J with server-side prepared statements: the binary protocol for every type, both ways. */
class ConnectorJPreparedTest {
    @RegisterExtension
    static final SharedServer fixture = new SharedServer();
    static final String SERVER_PREPARED = "sslMode=REQUIRED&useServerPrepStmts=true&cachePrepStmts=false";

    static Connection connect(String properties) throws SQLException {
        return DriverManager.getConnection(fixture.mysqlUrl("test", "user=root&password=111&" + properties));
    }

    @Test
    void binaryResultRowsOfEveryTypeReadLikeTextRows() throws SQLException {
        try (Connection connection = connect(SERVER_PREPARED);
             PreparedStatement select = connection.prepareStatement("SELECT * FROM all_types WHERE id = ?")) {
            for (int id = 1; id <= 3; id++) {
                select.setInt(1, id);
                try (ResultSet rows = select.executeQuery()) {
                    assertTrue(rows.next());
                    List<String> expected = List.of(ExpectedRows.ROW_1, ExpectedRows.ROW_2, ExpectedRows.ROW_3).get(id - 1);
                    // Connector/J widens a binary FLOAT to double before printing it (0.1f -> 0.10000000149011612).
                    List<String> binary = new ArrayList<>(ExpectedRows.jdbc(expected));
                    binary.set(7, id == 3 ? "0.10000000149011612" : binary.get(7));
                    assertEquals(binary, ExpectedRows.read(rows));
                    assertFalse(rows.next());
                }
            }
            select.setInt(1, 1);
            try (ResultSet rows = select.executeQuery()) {
                assertTrue(rows.next());
                assertEquals(Boolean.TRUE, rows.getObject(2));
                assertEquals(9_000_000_000L, rows.getLong(6));
                assertEquals(new BigDecimal("12.34"), rows.getBigDecimal(7));
                assertEquals(1.5f, rows.getFloat(8));
                assertEquals(LocalDate.of(2024, 2, 29), rows.getObject(15, LocalDate.class));
                assertEquals(LocalTime.of(12, 34, 56), rows.getObject(16, LocalTime.class));
                assertEquals(LocalDateTime.of(2024, 2, 29, 12, 34, 56, 123_456_000), rows.getObject(18, LocalDateTime.class));
            }
        }
    }

    @Test
    void everyParameterTypeRoundTripsThroughInsertAndSelect() throws SQLException {
        try (Connection connection = connect(SERVER_PREPARED)) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO all_types VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setInt(1, 100);
                insert.setBoolean(2, true);
                insert.setByte(3, (byte) -7);
                insert.setShort(4, (short) 1234);
                insert.setInt(5, -99999);
                insert.setLong(6, Long.MAX_VALUE);
                insert.setBigDecimal(7, new BigDecimal("-98765.43"));
                insert.setFloat(8, 0.25f);
                insert.setDouble(9, 6.02214076e23);
                insert.setString(10, "ünïcødé ✓");
                insert.setString(11, "ch");
                insert.setString(12, "text with 'quotes'");
                insert.setBytes(13, new byte[] {9, 8, 7});
                insert.setBytes(14, new byte[] {0, 1, -128, 127});
                insert.setDate(15, Date.valueOf("2023-07-04"));
                insert.setTime(16, Time.valueOf("23:59:58"));
                insert.setTimestamp(17, Timestamp.valueOf("2021-03-04 05:06:07"));
                insert.setObject(18, LocalDateTime.of(2021, 3, 4, 5, 6, 7, 890_000_000));
                insert.setTimestamp(19, Timestamp.valueOf("2030-12-31 23:00:00"));
                insert.setString(20, "{\"k\": [1, 2]}");
                insert.setString(21, "[0.5, -1, 2]");
                insert.setString(22, "[1e-3, 4]");
                assertEquals(1, insert.executeUpdate());

                insert.setInt(1, 101);
                for (int i = 2; i <= 22; i++) {
                    insert.setNull(i, Types.NULL);
                }
                assertEquals(1, insert.executeUpdate());
            }
            List<String> expected = List.of("100", "1", "-7", "1234", "-99999", "9223372036854775807", "-98765.43",
                    "0.25", "6.02214076E23", "ünïcødé ✓", "ch", "text with 'quotes'", "0x090807", "0x000180 7f".replace(" ", ""),
                    "2023-07-04", "23:59:58", "2021-03-04 05:06:07", "2021-03-04 05:06:07.890000", "2030-12-31 23:00:00",
                    "{\"k\": [1, 2]}", "[0.5, -1, 2]", "[0.001, 4]");
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM all_types WHERE id = ?")) {
                select.setInt(1, 100);
                try (ResultSet rows = select.executeQuery()) {
                    assertTrue(rows.next());
                    assertEquals(expected, ExpectedRows.read(rows));
                }
                select.setLong(1, 101);
                try (ResultSet rows = select.executeQuery()) {
                    assertTrue(rows.next());
                    assertEquals(101, rows.getInt(1));
                    for (int i = 2; i <= 22; i++) {
                        assertNull(rows.getObject(i), "column " + i);
                    }
                }
            }
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT * FROM all_types WHERE id = 100")) {
                assertTrue(rows.next());
                assertEquals(expected, ExpectedRows.read(rows), "text protocol reads the same row");
            }
        }
    }

    @Test
    void longDataAndParametersOver16MegabytesArrive() throws SQLException {
        int size = 17 * 1024 * 1024;
        try (Connection connection = connect(SERVER_PREPARED);
             PreparedStatement length = connection.prepareStatement("SELECT LENGTH(?)")) {
            length.setString(1, "z".repeat(size));
            try (ResultSet rows = length.executeQuery()) {
                assertTrue(rows.next());
                assertEquals(size, rows.getLong(1));
            }
            // setBinaryStream goes through COM_STMT_SEND_LONG_DATA.
            byte[] data = new byte[3 * 1024 * 1024 + 17];
            length.setBinaryStream(1, new ByteArrayInputStream(data), data.length);
            try (ResultSet rows = length.executeQuery()) {
                assertTrue(rows.next());
                assertEquals(data.length, rows.getLong(1));
            }
            length.setString(1, "four");
            try (ResultSet rows = length.executeQuery()) {
                assertTrue(rows.next());
                assertEquals(4, rows.getLong(1), "long data is forgotten after the execute that used it");
            }
        }
    }

    @Test
    void serverPreparedBatchesAreRewrittenAndExecuted() throws SQLException {
        try (Connection connection = connect(SERVER_PREPARED + "&rewriteBatchedStatements=true");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO kv VALUES (?, ?)")) {
            for (int i = 0; i < 20; i++) {
                insert.setInt(1, 5000 + i);
                insert.setString(2, "v" + i);
                insert.addBatch();
            }
            int[] counts = insert.executeBatch();
            assertEquals(20, counts.length);
            List<String> values = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM kv"); ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (rows.getInt(1) >= 5000) {
                        values.add(rows.getInt(1) + "=" + rows.getString(2));
                    }
                }
            }
            assertEquals(20, values.size());
            assertEquals("5019=v19", values.get(19));
        }
    }

    @Test
    void cursorFetchRequestsGetTheWholeResultWithoutACursor() throws SQLException {
        try (Connection connection = connect(SERVER_PREPARED + "&useCursorFetch=true&defaultFetchSize=100");
             PreparedStatement select = connection.prepareStatement("SELECT * FROM all_types WHERE id = ?")) {
            select.setInt(1, 1);
            try (ResultSet rows = select.executeQuery()) {
                assertTrue(rows.next());
                assertEquals("héllo", rows.getString(10));
                assertFalse(rows.next());
            }
        }
    }

    @Test
    void errorsOfPreparedStatementsAreReported() throws SQLException {
        try (Connection connection = connect(SERVER_PREPARED)) {
            SQLException error = assertThrows(SQLException.class, () -> connection.prepareStatement("NONSENSE").execute());
            assertEquals(1064, error.getErrorCode());
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM all_types WHERE id = ?")) {
                select.setInt(1, 3);
                try (ResultSet rows = select.executeQuery()) {
                    assertTrue(rows.next());
                    assertArrayEquals(new byte[] {65}, rows.getBytes(14));
                }
            }
        }
    }
}
