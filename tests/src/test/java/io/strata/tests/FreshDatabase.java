package io.strata.tests;

import io.strata.tests.target.ServerTarget;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** A suite's own database on the shared server: created empty (a leftover is dropped first). */
final class FreshDatabase {
    /** ER_DB_CREATE_EXISTS. */
    private static final int DATABASE_EXISTS = 1007;

    private FreshDatabase() {}

    static String create(ServerTarget target, String name) throws SQLException {
        try (Connection connection = target.connect(); Statement statement = connection.createStatement()) {
            try {
                statement.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                if (e.getErrorCode() != DATABASE_EXISTS) {
                    throw e;
                }
                statement.execute("DROP DATABASE " + name);
                statement.execute("CREATE DATABASE " + name);
            }
        }
        return name;
    }

    static void drop(ServerTarget target, String name) throws SQLException {
        try (Connection connection = target.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE " + name);
        }
    }
}
