package io.strata.tests.tpch;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Collections;

/**
 * Creates the TPC-H tables and fills them with generated data: over the MySQL protocol as batched
 * INSERTs (Connector/J rewrites each batch into multi-row INSERT statements, as a MySQL user loading
 * from an application would), or into DuckDB through its appender (DuckDB's fast load path).
 */
public final class TpchLoader {
    /** Rows per JDBC batch, i.e. per multi-row INSERT. */
    private static final int BATCH_ROWS = 2_000;

    /** Connector/J options {@link #loadOverMysqlProtocol} wants on its connection. */
    public static final String CONNECTOR_J_OPTIONS = "rewriteBatchedStatements=true";

    private TpchLoader() {}

    /**
     * Creates the tables (with primary keys) and loads them through {@code connection}, which should
     * have {@link #CONNECTOR_J_OPTIONS}; returns the number of rows loaded.
     */
    public static long loadOverMysqlProtocol(Connection connection, double scaleFactor) throws Exception {
        long rows = 0;
        for (TpchSchema.Table table : TpchSchema.TABLES) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(table.createStatement(true));
            }
            String insert = "INSERT INTO " + table.name() + " VALUES ("
                    + String.join(", ", Collections.nCopies(table.columns().size(), "?")) + ")";
            try (PreparedStatement statement = connection.prepareStatement(insert)) {
                long[] pending = {0};
                TpchData.generate(table, scaleFactor, row -> {
                    for (int i = 0; i < row.length; i++) {
                        statement.setObject(i + 1, row[i]);
                    }
                    statement.addBatch();
                    if (++pending[0] == BATCH_ROWS) {
                        statement.executeBatch();
                        pending[0] = 0;
                    }
                });
                if (pending[0] > 0) {
                    statement.executeBatch();
                }
            }
            rows += countRows(connection, table);
        }
        return rows;
    }

    /** Creates the tables (no primary keys, as DuckDB's own TPC-H loader) and appends the rows. */
    public static long loadIntoDuckDb(Connection connection, double scaleFactor) throws Exception {
        DuckDBConnection duckDb = connection.unwrap(DuckDBConnection.class);
        long rows = 0;
        for (TpchSchema.Table table : TpchSchema.TABLES) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(table.createStatement(false));
            }
            try (DuckDBAppender appender = duckDb.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table.name())) {
                TpchData.generate(table, scaleFactor, row -> {
                    appender.beginRow();
                    for (Object value : row) {
                        append(appender, value);
                    }
                    appender.endRow();
                });
            }
            rows += countRows(connection, table);
        }
        return rows;
    }

    private static void append(DuckDBAppender appender, Object value) throws SQLException {
        switch (value) {
            case Long l -> appender.append(l.longValue());
            case Integer i -> appender.append(i.intValue());
            case BigDecimal d -> appender.append(d);
            case LocalDate date -> appender.append(date);
            case String s -> appender.append(s);
            default -> throw new IllegalArgumentException("no appender call for " + value.getClass());
        }
    }

    private static long countRows(Connection connection, TpchSchema.Table table) throws SQLException {
        try (Statement statement = connection.createStatement();
             var result = statement.executeQuery("SELECT count(*) FROM " + table.name())) {
            result.next();
            return result.getLong(1);
        }
    }
}
