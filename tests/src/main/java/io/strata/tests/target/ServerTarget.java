package io.strata.tests.target;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Set;

/**
 * A running MySQL-compatible server the suites talk to over the wire: Strata, or MariaDB as the
 * oracle that keeps expected results honest. Closing it stops the server and removes its data,
 * unless the target does not own the server (an external one).
 */
public interface ServerTarget extends AutoCloseable {
    /**
     * Options every suite connection uses: plain TCP, bounded connect and read waits. A read that
     * waits longer than -Dstrata.test.socketTimeoutMs (30 s) fails and Connector/J closes the connection.
     */
    String CONNECTOR_J_OPTIONS = "sslMode=DISABLED&allowPublicKeyRetrieval=true&connectTimeout=10000&socketTimeout="
            + Long.getLong("strata.test.socketTimeoutMs", 30_000);

    /** "strata", "mariadb" or "external". */
    String name();

    /** The names {@code skipif}/{@code onlyif} in .test files match for this target. */
    Set<String> engineNames();

    String host();

    int port();

    String user();

    String password();

    /** A Connector/J URL for {@code database} ("" for none) with {@link #CONNECTOR_J_OPTIONS} and {@code extraOptions}. */
    default String jdbcUrl(String database, String extraOptions) {
        String options = extraOptions == null || extraOptions.isEmpty()
                ? CONNECTOR_J_OPTIONS : CONNECTOR_J_OPTIONS + "&" + extraOptions;
        return "jdbc:mysql://" + host() + ":" + port() + "/" + database + "?" + options;
    }

    /** A new Connector/J connection to {@code database} ("" for none). */
    default Connection connect(String database, String extraOptions) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database, extraOptions), user(), password());
    }

    default Connection connect() throws SQLException {
        return connect("", "");
    }

    @Override
    void close();
}
