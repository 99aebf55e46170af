package io.strata.bench.sysbench;

import io.strata.bench.StrataServerProcess;
import io.strata.tests.target.MariaDbServer;
import io.strata.tests.target.ServerTarget;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * {@code ./strata bench sysbench}: starts a throwaway MariaDB and Strata (its own process), creates
 * database sbtest on both, loads the same tables with {@code sysbench oltp_common prepare}, then runs
 * each stock workload for {@code --time} seconds on MariaDB and then on Strata and prints the
 * figures side by side (see {@link SysbenchReport}). Raw sysbench outputs and Strata's log go to
 * {@code bench/target/sysbench-<timestamp>/}. A failed run is reported and the next one starts;
 * every run is bounded, and the servers are stopped on every way out (see {@link ShutdownCloser}).
 */
public final class SysbenchBench {
    static final String DATABASE = "sbtest";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    /** A started server and how to tell whether its process is still alive. */
    private record Server(ServerTarget target, BooleanSupplier running) {}

    private final SysbenchConfig config;
    private final Path resultsDirectory;
    private final ShutdownCloser closer;
    private final SysbenchProcess sysbench;
    private final List<String> summary = new ArrayList<>();

    private SysbenchBench(SysbenchConfig config, Path resultsDirectory, ShutdownCloser closer) {
        this.config = config;
        this.resultsDirectory = resultsDirectory;
        this.closer = closer;
        this.sysbench = new SysbenchProcess(config, closer);
    }

    /** Runs the benchmark; returns the process exit code: 0 when every run succeeded, 1 otherwise, 2 on bad setup. */
    public static int run() throws IOException {
        SysbenchConfig config;
        try {
            config = SysbenchConfig.fromSystemProperties();
        } catch (IllegalArgumentException e) {
            System.err.println("strata bench sysbench: " + e.getMessage());
            return 2;
        }
        if (!sysbenchInstalled()) {
            System.err.println("strata bench sysbench: the sysbench command is missing; install Debian's sysbench 1.0.20 "
                    + "(apt-get install -y sysbench), or put a sysbench 1.0.x with its OLTP Lua scripts on PATH");
            return 2;
        }
        Path resultsDirectory = config.resultsRoot().resolve("sysbench-" + LocalDateTime.now().format(STAMP)).toAbsolutePath();
        Files.createDirectories(resultsDirectory);
        try (ShutdownCloser closer = new ShutdownCloser()) {
            return new SysbenchBench(config, resultsDirectory, closer).runAll() ? 0 : 1;
        }
    }

    private boolean runAll() {
        print(headline());
        Map<String, Server> servers = new LinkedHashMap<>();
        for (String name : config.targets()) {
            servers.put(name, startAndPrepare(name));
        }
        List<SysbenchResult> results = new ArrayList<>();
        for (String workload : config.workloads()) {
            if (closer.closing()) {
                emit("sysbench: interrupted; skipping " + workload + " and what follows");
                break;
            }
            Map<String, SysbenchResult> byServer = new LinkedHashMap<>();
            for (String name : List.copyOf(servers.keySet())) {
                Server server = servers.get(name);
                if (server != null && !server.running().getAsBoolean() && !closer.closing()) {
                    server = restart(server, workload);
                    servers.put(name, server);
                }
                byServer.put(name, server == null ? notRunning(name, workload) : runWorkload(server, workload));
            }
            SysbenchReport.workloadLines(workload, byServer).forEach(SysbenchBench::print);
            results.addAll(byServer.values());
        }
        printSummary(results);
        return results.stream().allMatch(SysbenchResult::succeeded);
    }

    /** Starts one server, creates the database and loads the tables; null (reported, server closed) when that fails. */
    private Server startAndPrepare(String name) {
        progress("starting %s", name);
        Server server;
        try {
            server = start(name);
        } catch (RuntimeException e) {
            emit("sysbench prepare " + name + " FAILED: cannot start: " + e.getMessage());
            e.printStackTrace();
            return null;
        }
        progress("%s listens on port %d; sysbench prepare: %d table(s) x %d rows", name, server.target().port(),
                config.tables(), config.tableSize());
        try (Connection connection = server.target().connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            emit("sysbench prepare " + name + " FAILED: CREATE DATABASE " + DATABASE + ": " + e.getMessage());
            closer.closeNow(server.target());
            return null;
        }
        SysbenchProcess.Output output = sysbench.prepare(server.target(), newFile(name + "-prepare", ".txt"));
        String problem = output.timedOut() ? "timed out after " + config.prepareTimeoutSeconds() + " s"
                : output.exitCode() != 0 ? "sysbench exited with " + output.exitCode() : checkRowCounts(server.target());
        if (problem != null) {
            emit("sysbench prepare " + name + " FAILED: " + problem + "; see " + output.file());
            SysbenchResult.fatalLines(output.text()).forEach(line -> emit("    " + line));
            closer.closeNow(server.target());
            return null;
        }
        emit(String.format(Locale.ROOT, "sysbench prepare %s: %d rows in %.1f s (%.0f rows/s, %d sysbench thread(s))", name,
                config.totalRows(), output.elapsedSeconds(), config.totalRows() / output.elapsedSeconds(),
                Math.min(config.threads(), config.tables())));
        return server;
    }

    private Server start(String name) {
        if (name.equals("mariadb")) {
            // MariaDbServer appends these options to its command line (-Dstrata.test.mariadbArgs).
            System.setProperty("strata.test.mariadbArgs", config.mariadbArguments());
            MariaDbServer mariadb = MariaDbServer.startTemporary();
            closer.register(mariadb);
            return new Server(mariadb, mariadb::isRunning);
        }
        StrataServerProcess strata = StrataServerProcess.start(newFile("strata", ".log"));
        closer.register(strata);
        return new Server(strata, strata::isRunning);
    }

    /** Null when every sbtestN holds table-size rows, else what differs. */
    private String checkRowCounts(ServerTarget target) {
        try (Connection connection = target.connect(DATABASE, ""); Statement statement = connection.createStatement()) {
            for (int table = 1; table <= config.tables(); table++) {
                try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM sbtest" + table)) {
                    long rows = count.next() ? count.getLong(1) : -1;
                    if (rows != config.tableSize()) {
                        return "sbtest" + table + " holds " + rows + " rows after prepare, not " + config.tableSize();
                    }
                }
            }
            return null;
        } catch (SQLException e) {
            return "counting the prepared rows failed: " + e.getMessage();
        }
    }

    /** A server that died during the last workload: a fresh one with freshly prepared tables, or null. */
    private Server restart(Server dead, String workload) {
        String name = dead.target().name();
        emit("sysbench " + workload + ": " + name + " is not running any more (" + logHint(dead)
                + "); starting a fresh one and preparing its tables again");
        closer.closeNow(dead.target());
        return startAndPrepare(name);
    }

    private SysbenchResult notRunning(String name, String workload) {
        return new SysbenchResult(name, workload, OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), 0, List.of("FATAL: " + name + " did not start or prepare (see above); workload skipped"),
                -1, false);
    }

    private static String logHint(Server dead) {
        return dead.target() instanceof StrataServerProcess strata ? "its log: " + strata.logFile() : "it exited";
    }

    /** {@code <base><suffix>} in the results directory, or {@code <base>-2<suffix>} and so on after a restart. */
    private Path newFile(String base, String suffix) {
        Path file = resultsDirectory.resolve(base + suffix);
        for (int attempt = 2; Files.exists(file); attempt++) {
            file = resultsDirectory.resolve(base + "-" + attempt + suffix);
        }
        return file;
    }

    private SysbenchResult runWorkload(Server server, String workload) {
        String name = server.target().name();
        Path file = resultsDirectory.resolve(name + "-" + workload + ".txt");
        if (config.warmupSeconds() > 0 && !SysbenchConfig.APPENDING.contains(workload)) {
            progress("%s on %s: warming up for %d s (not measured)", workload, name, config.warmupSeconds());
            sysbench.run(server.target(), workload, resultsDirectory.resolve(name + "-" + workload + "-warmup.txt"),
                    config.warmupSeconds());
        }
        progress("%s on %s: %d threads, %d s", workload, name, config.threads(), config.timeSeconds());
        SysbenchResult result = SysbenchResult.parse(name, workload, sysbench.run(server.target(), workload, file));
        progress("%s on %s: %s", workload, name, result.succeeded()
                ? "qps " + SysbenchReport.number(result.queriesPerSecond()) : "FAILED (" + file + ")");
        return result;
    }

    private void printSummary(List<SysbenchResult> results) {
        print("");
        print("sysbench summary (raw outputs in " + resultsDirectory + "):");
        summary.forEach(SysbenchBench::print);
        SysbenchReport.summaryTable(results).forEach(SysbenchBench::print);
        if (config.workloads().stream().anyMatch(SysbenchConfig.APPENDING::contains)) {
            print("  note: oltp_insert adds rows, so it ran last, on the tables the other workloads had used "
                    + "(oltp_read_write deletes and re-inserts the same ids, so the earlier workloads all saw table-size rows).");
        }
        if (config.targets().size() > 1) {
            print("  note: both servers run at once on this machine and share it with sysbench; MariaDB runs each "
                    + "workload first, Strata second, on the same prepared rows (same --rand-seed=" + SysbenchProcess.RANDOM_SEED + ").");
        }
        writeSummaryFile(results);
    }

    private void writeSummaryFile(List<SysbenchResult> results) {
        List<String> lines = new ArrayList<>(List.of(headline()));
        lines.addAll(summary);
        for (String workload : config.workloads()) {
            if (closer.closing()) {
                emit("sysbench: interrupted; skipping " + workload + " and what follows");
                break;
            }
            Map<String, SysbenchResult> byServer = new LinkedHashMap<>();
            results.stream().filter(result -> result.workload().equals(workload))
                    .forEach(result -> byServer.put(result.server(), result));
            lines.addAll(SysbenchReport.workloadLines(workload, byServer));
        }
        lines.addAll(SysbenchReport.summaryTable(results));
        try {
            Files.write(resultsDirectory.resolve("summary.txt"), lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the summary to " + resultsDirectory, e);
        }
    }

    private String headline() {
        return String.format(Locale.ROOT, "sysbench %s: tables=%d table-size=%d (%d rows) threads=%d time=%d s "
                        + "(after %d s unmeasured); mariadbd %s; results in %s", String.join(",", config.workloads()),
                config.tables(), config.tableSize(), config.totalRows(), config.threads(), config.timeSeconds(),
                config.warmupSeconds(),
                config.mariadbArguments(), resultsDirectory);
    }

    /** Prints a line now and keeps it for the summary. */
    private void emit(String line) {
        summary.add(line);
        print(line);
    }

    private static void print(String line) {
        System.out.println(line);
        System.out.flush();
    }

    private static void progress(String format, Object... arguments) {
        System.err.println("bench: " + String.format(Locale.ROOT, format, arguments));
    }

    private static boolean sysbenchInstalled() {
        try {
            Process probe = new ProcessBuilder("sysbench", "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
