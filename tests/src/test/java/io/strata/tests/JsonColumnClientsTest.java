package io.strata.tests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * JSON columns and JSON function results through real clients: MySQL sends them as type 245 with the binary
 * character set, and Connector/J still reads them as (UTF-8) text; a bad document is error 3140 / 22032.
 */
class JsonColumnClientsTest {
    private static final String DATABASE = "jt_json";

    @RegisterExtension
    static final SuiteDatabase database = new SuiteDatabase(DATABASE,
            "CREATE TABLE docs (id INT PRIMARY KEY, doc JSON)",
            "INSERT INTO docs VALUES (1, '{\"name\":\"Zoë\",\"tags\":[\"a\",\"b\"]}')");

    @Test
    void jsonColumnsReadAsTextWithTheJsonTypeName() throws SQLException {
        try (Connection connection = database.target().connect(DATABASE, "");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT doc, doc->'$.tags', doc->>'$.name' FROM docs")) {
            ResultSetMetaData meta = result.getMetaData();
            assertEquals("JSON", meta.getColumnTypeName(1));
            assertEquals(Types.LONGVARCHAR, meta.getColumnType(1));
            assertEquals("JSON", meta.getColumnTypeName(2), "a JSON function's result is JSON too");
            assertTrue(result.next());
            assertEquals("{\"name\": \"Zoë\", \"tags\": [\"a\", \"b\"]}", result.getString(1));
            assertEquals("[\"a\", \"b\"]", result.getString(2));
            assertEquals("Zoë", result.getString(3));
        }
    }

    @Test
    void preparedStatementsStoreAndReadDocuments() throws SQLException {
        try (Connection connection = database.target().connect(DATABASE, "useServerPrepStmts=true")) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO docs VALUES (?, ?)")) {
                insert.setInt(1, 2);
                insert.setString(2, "[1,2,  {\"b\":2,\"a\":1}]");
                insert.executeUpdate();
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT doc FROM docs WHERE id = ?")) {
                select.setInt(1, 2);
                try (ResultSet result = select.executeQuery()) {
                    assertTrue(result.next());
                    assertEquals("[1, 2, {\"a\": 1, \"b\": 2}]", result.getString(1));
                }
            }
        }
    }

    @Test
    void invalidDocumentsAreRefusedAndTheConnectionGoesOn() throws SQLException {
        try (Connection connection = database.target().connect(DATABASE, "");
             Statement statement = connection.createStatement()) {
            SQLException error = assertThrows(SQLException.class,
                    () -> statement.executeUpdate("INSERT INTO docs VALUES (3, '{\"a\":')"));
            assertEquals(3140, error.getErrorCode());
            try (ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM docs WHERE id = 3")) {
                assertTrue(result.next());
                assertEquals(0, result.getInt(1));
            }
        }
    }

    /** Connector/J reports every SQLSTATE 22xxx as a DataTruncation (22001): the mysql client shows the packet's. */
    @Test
    void theErrorPacketCarriesSqlstate22032() throws Exception {
        assumeTrue(Files.isExecutable(MysqlCli.BINARY), "the mysql client is not installed (apt-get install mariadb-client)");
        MysqlCli.Outcome outcome = MysqlCli.run(database.target(), database.target().password(),
                "SELECT JSON_EXTRACT('[1', '$');\n", DATABASE);
        assertEquals(1, outcome.exitCode(), outcome.stderr());
        assertTrue(outcome.stderr().contains("ERROR 3141 (22032) at line 1: Invalid JSON text in argument 1 to function "
                + "json_extract: \"Missing a comma or ']' after an array element.\" at position 2."), outcome.stderr());
    }
}
