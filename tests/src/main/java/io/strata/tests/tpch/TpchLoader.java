package io.strata.tests.tpch;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

/**
 * Creates the TPC-H tables and fills them with generated data: over the MySQL protocol with LOAD DATA
 * LOCAL INFILE (MySQL's bulk-load path, as a MySQL user loading a dump would), or into DuckDB through its
 * appender (DuckDB's fast load path).
 */
public final class TpchLoader {
    /** Rows per LOAD DATA statement (one transaction each): bounds the client's buffer and the server's workspace. */
    private static final int CHUNK_ROWS = 500_000;

    /** Connector/J options {@link #loadOverMysqlProtocol} wants on its connection. */
    public static final String CONNECTOR_J_OPTIONS = "allowLoadLocalInfile=true";

    private TpchLoader() {}

    /**
     * Creates the tables (with primary keys) and loads them through {@code connection}, which should have
     * {@link #CONNECTOR_J_OPTIONS}, with LOAD DATA LOCAL INFILE: the generated rows are written in MySQL's
     * default tab format into a buffer of {@link #CHUNK_ROWS} rows that Connector/J streams as the "file"
     * (setLocalInfileInputStream), one statement (one transaction) per chunk. Returns the rows loaded.
     */
    public static long loadOverMysqlProtocol(Connection connection, double scaleFactor) throws Exception {
        long rows = 0;
        for (TpchSchema.Table table : TpchSchema.TABLES) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(table.createStatement(true));
            }
            TabSeparatedChunks chunks = new TabSeparatedChunks(connection, table.name());
            TpchData.generate(table, scaleFactor, chunks::add);
            chunks.finish();
            rows += countRows(connection, table);
        }
        return rows;
    }

    /** Rows written as LOAD DATA's default format (tab, newline, backslash escapes), loaded every CHUNK_ROWS. */
    private static final class TabSeparatedChunks {
        private final Connection connection;
        private final String table;
        private final java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream(64 << 20);
        private final StringBuilder line = new StringBuilder(256);
        private int pending;

        TabSeparatedChunks(Connection connection, String table) {
            this.connection = connection;
            this.table = table;
        }

        void add(Object[] row) throws SQLException {
            line.setLength(0);
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    line.append('\t');
                }
                appendField(row[i]);
            }
            line.append('\n');
            byte[] bytes = line.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            buffer.write(bytes, 0, bytes.length);
            if (++pending == CHUNK_ROWS) {
                finish();
            }
        }

        private void appendField(Object value) {
            switch (value) {
                case null -> line.append("\\N");
                case BigDecimal decimal -> line.append(decimal.toPlainString());
                case String text -> {
                    for (int i = 0; i < text.length(); i++) {
                        char c = text.charAt(i);
                        switch (c) {
                            case '\\' -> line.append("\\\\");
                            case '\t' -> line.append("\\t");
                            case '\n' -> line.append("\\n");
                            default -> line.append(c);
                        }
                    }
                }
                default -> line.append(value); // numbers, and dates as yyyy-MM-dd
            }
        }

        /** Loads what is buffered, if anything. */
        void finish() throws SQLException {
            if (pending == 0) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.unwrap(com.mysql.cj.jdbc.JdbcStatement.class)
                        .setLocalInfileInputStream(new java.io.ByteArrayInputStream(buffer.toByteArray()));
                statement.executeUpdate("LOAD DATA LOCAL INFILE 'tpch-" + table + ".tsv' INTO TABLE " + table);
            }
            buffer.reset();
            pending = 0;
        }
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
