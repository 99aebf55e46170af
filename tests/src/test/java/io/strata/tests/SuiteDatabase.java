package io.strata.tests;

import io.strata.tests.target.ServerTarget;
import io.strata.tests.target.Targets;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A suite's own database on the shared server: created before the suite's first test (a leftover of an
 * earlier run is dropped first), set up with {@code setup} statements run in it, dropped after the last
 * test. Register it as a static field: {@code @RegisterExtension static final SuiteDatabase database = ...}.
 */
final class SuiteDatabase implements BeforeAllCallback, AfterAllCallback {
    /** ER_DB_CREATE_EXISTS. */
    private static final int DATABASE_EXISTS = 1007;

    private final String name;
    private final List<String> setup;
    private ServerTarget target;

    SuiteDatabase(String name, String... setup) {
        this.name = name;
        this.setup = List.of(setup);
    }

    /** The shared server the database is on (from the suite's first test on). */
    ServerTarget target() {
        return target;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        target = Targets.shared();
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
        try (Connection connection = target.connect(name, ""); Statement statement = connection.createStatement()) {
            for (String sql : setup) {
                statement.execute(sql);
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        if (target != null) {
            try (Connection connection = target.connect(); Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE " + name);
            }
        }
    }
}
