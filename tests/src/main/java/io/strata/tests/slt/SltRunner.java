package io.strata.tests.slt;

import io.strata.tests.slt.SltRecord.Query;
import io.strata.tests.target.ServerTarget;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Runs sqllogictest files over Connector/J against a server. Each file runs on its own connection in
 * its own fresh database {@code slt_<name>} (dropped afterwards); a failing record is reported as
 * FILE:LINE with the expected and actual results and the file goes on with the next record.
 */
public final class SltRunner {
    /** Result sets larger than this are a broken query, not a result to compare. */
    private static final int MAX_ROWS = 1_000_000;
    /** A file (SQLite's have thousands of records) that runs longer than this is stopped. */
    private static final long FILE_TIMEOUT_SECONDS = Long.getLong("slt.fileTimeoutSeconds", 600);
    /** ER_DB_CREATE_EXISTS. */
    private static final int DATABASE_EXISTS = 1007;

    private final ServerTarget target;
    private final Set<String> engines;

    public SltRunner(ServerTarget target) {
        this.target = Objects.requireNonNull(target, "target");
        this.engines = target.engineNames();
    }

    /** {@code name} names the file in reports and its database (e.g. "ddl/create_table.test"). */
    public FileResult run(Path file, String name) {
        return run(file, name, databaseName(name));
    }

    /** Runs {@code file} in a fresh {@code database}; reports name the file {@code name}. */
    public FileResult run(Path file, String name, String database) {
        List<SltRecord> records;
        try {
            records = SltParser.parse(file);
        } catch (IOException | IllegalArgumentException e) {
            return new FileResult(name, 0, 1, 0, List.of(name + ": cannot parse: " + e.getMessage()));
        }
        try (Connection admin = target.connect()) {
            createFresh(admin, database);
        } catch (SQLException e) {
            return new FileResult(name, 0, 1, 0, List.of(name + ": cannot create database " + database + ": " + describe(e)));
        }
        FileResult result;
        try {
            result = runRecords(records, name, database);
        } catch (SQLException e) {
            result = new FileResult(name, 0, 1, 0, List.of(name + ": cannot connect and USE " + database + ": " + describe(e)));
        }
        try (Connection admin = target.connect(); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE " + database);
        } catch (SQLException e) {
            List<String> failures = new ArrayList<>(result.failures());
            failures.add(name + ": cannot drop database " + database + " after the file: " + describe(e));
            result = new FileResult(name, result.passed(), failures.size(), result.skipped(), failures);
        }
        return result;
    }

    /** Only the statements under test here: no IF [NOT] EXISTS, a leftover of an earlier run is dropped. */
    private static void createFresh(Connection admin, String database) throws SQLException {
        try (Statement statement = admin.createStatement()) {
            try {
                statement.execute("CREATE DATABASE " + database);
            } catch (SQLException e) {
                if (e.getErrorCode() != DATABASE_EXISTS) {
                    throw e;
                }
                statement.execute("DROP DATABASE " + database);
                statement.execute("CREATE DATABASE " + database);
            }
        }
    }

    private FileResult runRecords(List<SltRecord> records, String name, String database) throws SQLException {
        FileRun run = new FileRun(name);
        long deadline = System.nanoTime() + FILE_TIMEOUT_SECONDS * 1_000_000_000L;
        try (Connection connection = target.connect()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("USE " + database);
            }
            for (SltRecord record : records) {
                if (!applies(record)) {
                    run.skipped++;
                    continue;
                }
                if (record instanceof SltRecord.Halt) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    run.fail(record.line(), "the file ran longer than " + FILE_TIMEOUT_SECONDS
                            + " s (-Dslt.fileTimeoutSeconds); the rest of the file is not run");
                    break;
                }
                run.execute(connection, record);
                if (connection.isClosed()) {
                    run.fail(record.line(), "the server closed the connection; the rest of the file is not run");
                    break;
                }
            }
        }
        return new FileResult(name, run.passed, run.failures.size(), run.skipped, run.failures);
    }

    private boolean applies(SltRecord record) {
        for (SltRecord.Condition condition : record.conditions()) {
            boolean named = engines.contains(condition.engine());
            if (condition.skip() == named) {
                return false;
            }
        }
        return true;
    }

    /** "slt_" + the file's name with everything but letters and digits as "_", at most 64 characters. */
    public static String databaseName(String name) {
        String base = name.endsWith(".test") ? name.substring(0, name.length() - 5) : name;
        String database = "slt_" + base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        return database.length() <= 64 ? database : database.substring(0, 64);
    }

    static String describe(SQLException e) {
        return "error " + e.getErrorCode() + " (" + e.getSQLState() + "): " + e.getMessage();
    }

    /** The state of one file's run. */
    private static final class FileRun {
        private final String name;
        private final List<String> failures = new ArrayList<>();
        private final Map<String, String> labelHashes = new HashMap<>();
        private int passed;
        private int skipped;
        private int hashThreshold;

        FileRun(String name) {
            this.name = name;
        }

        void execute(Connection connection, SltRecord record) {
            switch (record) {
                case SltRecord.Statement statement -> check(statement.line(), StatementCheck.run(connection, statement));
                case Query query -> check(query.line(), runQuery(connection, query));
                case SltRecord.HashThreshold threshold -> hashThreshold = threshold.threshold();
                case SltRecord.Halt halt -> throw new IllegalStateException("halt is handled by the caller");
            }
        }

        private void check(int line, String failure) {
            if (failure == null) {
                passed++;
            } else {
                fail(line, failure);
            }
        }

        void fail(int line, String message) {
            failures.add(name + ":" + line + ": " + message);
        }

        /** Null when the query's result matches, else the report. */
        private String runQuery(Connection connection, Query query) {
            List<List<String>> rows = new ArrayList<>();
            try (Statement statement = connection.createStatement()) {
                if (!statement.execute(query.sql())) {
                    return "query returned no result set\n    " + query.sql();
                }
                try (ResultSet resultSet = statement.getResultSet()) {
                    int columns = resultSet.getMetaData().getColumnCount();
                    if (columns != query.types().length()) {
                        return "query returned " + columns + " columns, the record's types '" + query.types() + "' say "
                                + query.types().length() + "\n    " + query.sql();
                    }
                    while (resultSet.next() && rows.size() < MAX_ROWS) {
                        List<String> row = new ArrayList<>(columns);
                        for (int column = 1; column <= columns; column++) {
                            row.add(ValueFormat.format(resultSet.getString(column), query.types().charAt(column - 1)));
                        }
                        rows.add(row);
                    }
                }
            } catch (SQLException e) {
                return "query failed: " + describe(e) + "\n    " + query.sql();
            }
            List<List<String>> sorted = ResultCheck.sorted(rows, query.sortMode());
            String labelFailure = checkLabel(query, sorted);
            if (labelFailure != null) {
                return labelFailure;
            }
            if (ResultCheck.matches(query.expectedLines(), sorted)) {
                return null;
            }
            return "query result mismatch\n    " + query.sql().replace("\n", "\n    ")
                    + "\n  expected:\n" + indent(query.expectedLines())
                    + "\n  actual:\n" + indent(ResultCheck.render(query.expectedLines(), sorted));
        }

        private String checkLabel(Query query, List<List<String>> sorted) {
            if (query.label() == null) {
                return null;
            }
            String hash = ResultCheck.hash(ResultCheck.flatten(sorted));
            String earlier = labelHashes.putIfAbsent(query.label(), hash);
            if (earlier != null && !earlier.equals(hash)) {
                return "label " + query.label() + ": result (" + hash + ") differs from an earlier query with this label ("
                        + earlier + ")\n    " + query.sql();
            }
            return null;
        }

        private static String indent(List<String> lines) {
            return lines.isEmpty() ? "    (no rows)" : "    " + String.join("\n    ", lines);
        }
    }
}
