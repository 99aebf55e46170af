package io.strata.tests;

import io.strata.tests.target.ServerTarget;
import io.strata.tests.target.Targets;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Connecting: the plain Connector/J URL with default options, a wrong password, an unknown database. */
class ConnectionTest {
    private final ServerTarget target = Targets.shared();

    @Test
    void plainConnectorJUrlWithDefaultOptionsConnects() throws SQLException {
        String url = "jdbc:mysql://" + target.host() + ":" + target.port() + "/";
        try (Connection connection = DriverManager.getConnection(url, target.user(), target.password());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT 1 + 1")) {
            assertTrue(result.next());
            assertEquals(2, result.getInt(1));
        }
    }

    @Test
    void wrongPasswordIsRefusedWith1045() {
        SQLException refused = assertThrows(SQLException.class,
                () -> DriverManager.getConnection(target.jdbcUrl("", ""), target.user(), "not-the-password").close());
        assertEquals(1045, refused.getErrorCode(), refused.getMessage());
        assertEquals("28000", refused.getSQLState());
    }

    @Test
    void unknownDatabaseInTheUrlIsRefusedWith1049() {
        SQLException refused = assertThrows(SQLException.class, () -> target.connect("no_such_database_here", "").close());
        assertEquals(1049, refused.getErrorCode(), refused.getMessage());
        assertEquals("42000", refused.getSQLState());
    }

    @Test
    void serverGoesOnAfterRefusedLogins() throws SQLException {
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThrows(SQLException.class,
                    () -> DriverManager.getConnection(target.jdbcUrl("", ""), target.user(), "wrong").close());
        }
        try (Connection connection = target.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT 42")) {
            assertTrue(result.next());
            assertEquals(42, result.getInt(1));
        }
    }
}
