package io.strata.bench;

import io.strata.tests.target.MariaDbServer;
import io.strata.tests.target.ServerTarget;
import io.strata.tests.target.StrataInProcess;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./strata bench point-select}: starts Strata in-process and a throwaway MariaDB, loads the
 * same sbtest1 rows into both, measures prepared point selects and prints
 * {@code point_select qps strata=<n> mariadb=<n> ratio=<strata/mariadb>}. Progress goes to stderr.
 * Knobs (system properties {@code bench.name}): rows (100000), threads (4), warmupSeconds (5),
 * seconds (10), targets (strata,mariadb).
 */
final class PointSelectBench {
    private PointSelectBench() {}

    static void run() throws Exception {
        int rows = Integer.getInteger("bench.rows", 100_000);
        int threads = Integer.getInteger("bench.threads", 4);
        long warmUpMs = Integer.getInteger("bench.warmupSeconds", 5) * 1_000L;
        long measureMs = Integer.getInteger("bench.seconds", 10) * 1_000L;
        List<String> targetNames = List.of(System.getProperty("bench.targets", "strata,mariadb").split(","));
        PointSelect pointSelect = new PointSelect(threads, rows, warmUpMs, measureMs);

        List<ServerTarget> started = new ArrayList<>();
        Map<String, Double> qps = new LinkedHashMap<>();
        try {
            for (String name : targetNames) {
                ServerTarget target = start(name.trim());
                started.add(target);
                progress("loading %d rows into %s (port %d)", rows, target.name(), target.port());
                long loadStart = System.nanoTime();
                try (Connection connection = target.connect("", "rewriteBatchedStatements=true")) {
                    SbtestTable.create(connection);
                    SbtestTable.load(connection, rows);
                }
                progress("loaded %s in %.1f s", target.name(), (System.nanoTime() - loadStart) / 1e9);
            }
            for (ServerTarget target : started) {
                progress("point select on %s: %d threads, %d s warm-up, %d s measured", target.name(), threads,
                        warmUpMs / 1000, measureMs / 1000);
                qps.put(target.name(), pointSelect.queriesPerSecond(target));
            }
        } finally {
            for (ServerTarget target : started) {
                target.close();
            }
        }
        System.out.println(report(qps));
    }

    private static ServerTarget start(String name) {
        progress("starting %s", name);
        return switch (name) {
            case "strata" -> StrataInProcess.startTemporary();
            case "mariadb" -> MariaDbServer.startTemporary();
            default -> throw new IllegalArgumentException("bench.targets: unknown target '" + name + "' (strata, mariadb)");
        };
    }

    static String report(Map<String, Double> qps) {
        StringBuilder line = new StringBuilder("point_select qps");
        qps.forEach((name, value) -> line.append(' ').append(name).append('=').append(Math.round(value)));
        if (qps.containsKey("strata") && qps.containsKey("mariadb") && qps.get("mariadb") > 0) {
            line.append(String.format(Locale.ROOT, " ratio=%.3f", qps.get("strata") / qps.get("mariadb")));
        }
        return line.toString();
    }

    private static void progress(String format, Object... arguments) {
        System.err.println("bench: " + String.format(Locale.ROOT, format, arguments));
    }
}
