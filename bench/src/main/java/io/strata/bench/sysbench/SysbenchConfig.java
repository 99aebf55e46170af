package io.strata.bench.sysbench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The knobs of {@code ./strata bench sysbench}, read from the system properties {@code bench.<name>}
 * (the launcher turns each {@code name=value} argument into one). Both servers get the same values.
 *
 * @param warmupSeconds an unmeasured run of this long before each workload that adds no rows, on each server
 *                      alike (sysbench 1.0 has no --warmup-time): a JIT-compiled server is measured warm; 0: none
 * @param workloads stock sysbench Lua scripts, in run order; row-adding ones ({@link #APPENDING}) come last
 * @param mariadbArguments extra mariadbd options (later ones win over MariaDbServer's own)
 */
public record SysbenchConfig(int tables, int tableSize, int threads, int timeSeconds, int warmupSeconds, List<String> workloads,
                             List<String> targets, long prepareTimeoutSeconds, Path resultsRoot, String mariadbArguments) {
    static final List<String> DEFAULT_WORKLOADS =
            List.of("oltp_point_select", "oltp_read_only", "oltp_read_write", "oltp_insert");
    /** Workloads that add rows: run after the others so that those see the prepared table size. */
    static final Set<String> APPENDING = Set.of("oltp_insert", "bulk_insert");
    private static final Set<String> KNOBS = Set.of("tables", "table-size", "threads", "time", "warmup", "workloads", "targets",
            "prepare-timeout", "results-dir", "mariadb-args", "strataJavaOptions", "strataClasspath");
    /**
     * MariaDbServer's 128 MB buffer pool holds about 500,000 sysbench rows; the default 1M rows would be
     * read through the OS page cache while Strata keeps them in its heap. 1 GB holds them.
     */
    /**
     * Long enough for the JIT: under read_write the C2 compiler took a quarter to a third of Strata's CPU for the
     * first 40-50 s of load and under 2% after 60 s; with 10 s the measured window was mostly compilation
     * (read_write 441 tps measured after 10 s, 667 after 60 s, same build, MariaDB 695-725 either way).
     */
    static final int DEFAULT_WARMUP_SECONDS = 60;
    private static final String MARIADB_ARGUMENTS_DEFAULT = "--innodb-buffer-pool-size=1G";
    /** A bound on prepare when none is given: ten minutes, or 200 rows/s for big tables. */
    private static final long PREPARE_TIMEOUT_MIN_SECONDS = 600;
    private static final long PREPARE_ROWS_PER_SECOND_MIN = 200;

    public SysbenchConfig {
        checkPositive(tables, "tables");
        checkPositive(tableSize, "table-size");
        checkPositive(threads, "threads");
        checkPositive(timeSeconds, "time");
        if (warmupSeconds < 0) {
            throw new IllegalArgumentException("warmup must not be negative: " + warmupSeconds);
        }
        checkPositive(prepareTimeoutSeconds, "prepare-timeout");
        workloads = List.copyOf(workloads);
        targets = List.copyOf(targets);
        Objects.requireNonNull(resultsRoot, "resultsRoot");
        Objects.requireNonNull(mariadbArguments, "mariadbArguments");
        if (workloads.isEmpty() || targets.isEmpty()) {
            throw new IllegalArgumentException("workloads and targets must not be empty");
        }
        for (String target : targets) {
            if (!target.equals("strata") && !target.equals("mariadb")) {
                throw new IllegalArgumentException("targets: unknown target '" + target + "' (strata, mariadb)");
            }
        }
    }

    static SysbenchConfig fromSystemProperties() {
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("bench.") && !KNOBS.contains(name.substring("bench.".length()))) {
                throw new IllegalArgumentException("unknown knob '" + name.substring("bench.".length())
                        + "' (known: tables, table-size, threads, time, warmup, workloads, targets, prepare-timeout, "
                        + "results-dir, mariadb-args)");
            }
        }
        int tables = (int) number("tables", 4);
        int tableSize = (int) number("table-size", 250_000);
        long defaultPrepareTimeout = Math.max(PREPARE_TIMEOUT_MIN_SECONDS,
                (long) tables * tableSize / PREPARE_ROWS_PER_SECOND_MIN);
        return new SysbenchConfig(tables, tableSize, (int) number("threads", 4), (int) number("time", 30),
                (int) number("warmup", DEFAULT_WARMUP_SECONDS),
                runOrder(split(System.getProperty("bench.workloads", String.join(",", DEFAULT_WORKLOADS)))),
                split(System.getProperty("bench.targets", "mariadb,strata")),
                number("prepare-timeout", defaultPrepareTimeout),
                Path.of(System.getProperty("bench.results-dir", defaultResultsRoot())),
                System.getProperty("bench.mariadb-args", MARIADB_ARGUMENTS_DEFAULT));
    }

    private static long number(String knob, long defaultValue) {
        String value = System.getProperty("bench." + knob);
        try {
            return value == null ? defaultValue : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(knob + " must be a whole number: " + value);
        }
    }

    /** Bounds one {@code run}: the measured time plus slack for connecting, warm caches and the report. */
    long runTimeoutSeconds() {
        return timeSeconds + 120L;
    }

    long totalRows() {
        return (long) tables * tableSize;
    }

    /** Full script names ({@code point_select} means {@code oltp_point_select}), appending ones last. */
    static List<String> runOrder(List<String> names) {
        List<String> ordered = new ArrayList<>();
        List<String> appending = new ArrayList<>();
        for (String name : names) {
            String script = name.endsWith(".lua") ? name.substring(0, name.length() - 4) : name;
            if (!script.startsWith("oltp_") && !script.equals("bulk_insert") && !script.startsWith("select_")) {
                script = "oltp_" + script;
            }
            (APPENDING.contains(script) ? appending : ordered).add(script);
        }
        ordered.addAll(appending);
        return ordered;
    }

    private static List<String> split(String list) {
        List<String> items = new ArrayList<>();
        for (String item : list.split(",")) {
            if (!item.isBlank()) {
                items.add(item.trim().toLowerCase(Locale.ROOT));
            }
        }
        return items;
    }

    private static String defaultResultsRoot() {
        return Files.isDirectory(Path.of("bench")) ? "bench/target" : "target";
    }

    private static void checkPositive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
