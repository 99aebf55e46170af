package io.strata.bench.tpch;

import io.strata.bench.StrataServerProcess;
import io.strata.tests.tpch.QueryResult;
import io.strata.tests.tpch.ResultComparison;
import io.strata.tests.tpch.TpchLoader;
import io.strata.tests.tpch.TpchQuery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code ./strata bench tpch}: the same TPC-H data (io.trino.tpch) loaded into Strata, started as its own
 * process like {@code ./strata start}, and into an in-process DuckDB; each query run once to warm up, then
 * {@code runs} times on each; the median times, their ratio, and the geometric mean of the ratios. Every
 * Strata answer is checked against DuckDB's.
 */
public final class TpchBench {
    private final TpchBenchConfig config;

    private TpchBench(TpchBenchConfig config) {
        this.config = config;
    }

    /** Runs the benchmark; 0 when every query ran and answered as DuckDB does. */
    public static int run() throws Exception {
        return new TpchBench(TpchBenchConfig.fromSystemProperties()).runAll();
    }

    /** A load's figures; the rate includes generating the rows, which both loads do alike. */
    private static void emitLoad(String what, long rows, double seconds) {
        emit(String.format(Locale.ROOT, "load %s %d rows in %.1f s, %.0f rows/s", what, rows, seconds, rows / seconds));
    }

    private int runAll() throws Exception {
        Path log = Files.createTempFile("strata-tpch-", ".log");
        progress("scale factor " + config.scaleFactor() + ", queries " + config.queries() + ", " + config.runs()
                + " timed runs each; Strata's log: " + log);
        try (StrataServerProcess strata = StrataServerProcess.start(log);
             Connection duckDb = DriverManager.getConnection("jdbc:duckdb:")) {
            try (Connection admin = strata.connect(); Statement statement = admin.createStatement()) {
                statement.execute("CREATE DATABASE tpch");
            }
            // The generator builds its text pools on first use (seconds): not a cost of either load.
            io.strata.tests.tpch.TpchData.generate(io.strata.tests.tpch.TpchSchema.TABLES.get(0), config.scaleFactor(), row -> { });
            long started = System.nanoTime();
            long rows;
            try (Connection loading = strata.connect("tpch", TpchLoader.CONNECTOR_J_OPTIONS)) {
                rows = TpchLoader.loadOverMysqlProtocol(loading, config.scaleFactor());
            }
            emitLoad("strata (LOAD DATA LOCAL INFILE)", rows, seconds(started));
            started = System.nanoTime();
            rows = TpchLoader.loadIntoDuckDb(duckDb, config.scaleFactor());
            emitLoad("duckdb (appender)", rows, seconds(started));

            List<QueryTimes> results = new ArrayList<>();
            String options = "socketTimeout=" + config.queryTimeoutSeconds() * 1000L;
            Connection server = strata.connect("tpch", options);
            try {
                for (int number : config.queries()) {
                    TpchQuery query = TpchQuery.load(number, config.scaleFactor());
                    QueryTimes times = measure(query, duckDb, server);
                    emit(times.line());
                    results.add(times);
                    if (times.failure() != null && server.isClosed()) {
                        server = strata.connect("tpch", options);
                    }
                }
            } finally {
                server.close();
            }
            return summarize(results);
        }
    }

    private QueryTimes measure(TpchQuery query, Connection duckDb, Connection server) {
        double[] duckDbMillis = new double[config.runs()];
        double[] strataMillis = new double[config.runs()];
        try {
            QueryResult expected = run(duckDb, query);
            for (int run = 0; run < config.runs(); run++) {
                duckDbMillis[run] = millisToRun(duckDb, query);
            }
            QueryResult actual = run(server, query);
            Optional<String> difference = ResultComparison.difference(expected, actual, query.orderedColumns());
            for (int run = 0; run < config.runs(); run++) {
                strataMillis[run] = millisToRun(server, query);
            }
            return new QueryTimes(query.number(), median(strataMillis), median(duckDbMillis), difference.orElse(null), null);
        } catch (SQLException | RuntimeException e) {
            return new QueryTimes(query.number(), Double.NaN, median(duckDbMillis), null, e.toString());
        }
    }

    private static QueryResult run(Connection connection, TpchQuery query) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            return QueryResult.run(statement, query.sql());
        }
    }

    /** Milliseconds to run the query and read all of its rows. */
    private static double millisToRun(Connection connection, TpchQuery query) throws SQLException {
        long started = System.nanoTime();
        run(connection, query);
        return (System.nanoTime() - started) / 1e6;
    }

    private int summarize(List<QueryTimes> results) {
        List<QueryTimes> timed = results.stream().filter(QueryTimes::ran).toList();
        double logSum = timed.stream().mapToDouble(times -> Math.log(times.ratio())).sum();
        double geomean = Math.exp(logSum / Math.max(1, timed.size()));
        List<QueryTimes> worst = timed.stream().sorted(Comparator.comparingDouble(QueryTimes::ratio).reversed())
                .limit(3).toList();
        long failed = results.size() - timed.size();
        long differing = timed.stream().filter(times -> times.difference() != null).count();
        emit(String.format(Locale.ROOT, "tpch sf=%s geomean strata/duckdb=%.2f over %d queries%s%s; worst: %s",
                config.scaleFactor(), geomean, timed.size(),
                failed > 0 ? ", " + failed + " FAILED" : "", differing > 0 ? ", " + differing + " with a DIFFERENT answer" : "",
                String.join(", ", worst.stream().map(times -> String.format(Locale.ROOT, "Q%d %.1fx",
                        times.number(), times.ratio())).toList())));
        return failed == 0 && differing == 0 ? 0 : 1;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static void emit(String line) {
        System.out.println(line);
        System.out.flush();
    }

    private static void progress(String line) {
        System.err.println("tpch: " + line);
    }
}
