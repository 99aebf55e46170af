package io.strata.tests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Parameters where their context says nothing of their type, through Connector/J's server-side prepared
 * statements (COM_STMT_PREPARE / EXECUTE): {@code SELECT ?} is a VARCHAR (MySQL 8.0.22+) that gives back
 * the bound value, and a window frame's offset may be a parameter, bound afresh at each execution.
 */
class PreparedParameterContextsTest {
    private static final String DATABASE = "jt_parameter_contexts";
    private static final String SERVER_PREPARED = "useServerPrepStmts=true&cachePrepStmts=false";

    @RegisterExtension
    static final SuiteDatabase database = new SuiteDatabase(DATABASE,
            "CREATE TABLE readings (id INT PRIMARY KEY, v INT)",
            "INSERT INTO readings VALUES (1, 10), (2, 20), (3, 30), (4, 40)");

    @Test
    void aParameterAloneInTheSelectListGivesBackTheBoundValue() throws SQLException {
        try (Connection connection = database.target().connect(DATABASE, SERVER_PREPARED);
             PreparedStatement select = connection.prepareStatement("SELECT ?")) {
            assertInstanceOf(com.mysql.cj.jdbc.ServerPreparedStatement.class, select,
                    "Connector/J fell back to client-side prepared statements: the server refused COM_STMT_PREPARE");
            if (!database.target().engineNames().contains("mariadb")) { // MariaDB types it NULL until bound
                int type = select.getMetaData().getColumnType(1);
                assertTrue(type == Types.VARCHAR || type == Types.LONGVARCHAR, "typed as text when prepared: " + type);
            }
            select.setInt(1, 5);
            assertEquals(List.of("5"), column(select));
            select.setString(1, "grüße");
            assertEquals(List.of("grüße"), column(select));
            select.setNull(1, Types.INTEGER);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                assertNull(row.getObject(1));
            }
        }
    }

    @Test
    void aFrameOffsetParameterIsBoundAtEachExecution() throws SQLException {
        assumeFalse(database.target().engineNames().contains("mariadb"), "MariaDB takes no parameter in a frame");
        try (Connection connection = database.target().connect(DATABASE, SERVER_PREPARED);
             PreparedStatement moving = connection.prepareStatement(
                     "SELECT SUM(v) OVER (ORDER BY id ROWS BETWEEN ? PRECEDING AND CURRENT ROW) FROM readings ORDER BY id")) {
            assertInstanceOf(com.mysql.cj.jdbc.ServerPreparedStatement.class, moving);
            moving.setInt(1, 1);
            assertEquals(List.of("10", "30", "50", "70"), column(moving));
            moving.setLong(1, 2);
            assertEquals(List.of("10", "30", "60", "90"), column(moving));
            moving.setInt(1, 0);
            assertEquals(List.of("10", "20", "30", "40"), column(moving));
        }
    }

    private static List<String> column(PreparedStatement statement) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        assertFalse(values.isEmpty());
        return values;
    }
}
