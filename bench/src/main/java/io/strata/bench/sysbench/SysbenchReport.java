package io.strata.bench.sysbench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;

/**
 * The lines {@code ./strata bench sysbench} prints: per workload
 * {@code sysbench <workload> qps strata=<n> mariadb=<n> ratio=<strata/mariadb>} (and a {@code tps}
 * line for the write workloads), the errors a server hit, and the closing summary table.
 */
final class SysbenchReport {
    /** Workloads whose transaction is more than one statement or writes: their tps is worth a line. */
    private static final Set<String> TPS_WORKLOADS = Set.of("oltp_read_write", "oltp_insert", "oltp_write_only",
            "oltp_update_index", "oltp_update_non_index", "oltp_delete");
    private static final int FATAL_LINES_SHOWN = 5;
    private static final int LINE_CHARS_MAX = 600;

    private SysbenchReport() {}

    /** The figure lines of one workload, then one line per FATAL error a server hit. */
    static List<String> workloadLines(String workload, Map<String, SysbenchResult> byServer) {
        List<String> lines = new ArrayList<>();
        lines.add(figureLine(workload, "qps", byServer, SysbenchResult::queriesPerSecond));
        if (TPS_WORKLOADS.contains(workload)) {
            lines.add(figureLine(workload, "tps", byServer, SysbenchResult::transactionsPerSecond));
        }
        for (SysbenchResult result : byServer.values()) {
            if (!result.succeeded()) {
                lines.add("sysbench " + workload + " " + result.server() + " FAILED: " + clip(result.failure()));
                for (String fatal : result.fatalLines().subList(1, Math.min(FATAL_LINES_SHOWN, result.fatalLines().size()))) {
                    lines.add("    " + clip(fatal));
                }
            }
        }
        return lines;
    }

    private static String figureLine(String workload, String figure, Map<String, SysbenchResult> byServer,
                                      Function<SysbenchResult, OptionalDouble> value) {
        StringBuilder line = new StringBuilder("sysbench ").append(workload).append(' ').append(figure);
        for (String server : List.of("strata", "mariadb")) {
            SysbenchResult result = byServer.get(server);
            if (result != null) {
                line.append(' ').append(server).append('=').append(result.succeeded() ? number(value.apply(result)) : "FAILED");
            }
        }
        SysbenchResult strata = byServer.get("strata");
        SysbenchResult mariadb = byServer.get("mariadb");
        if (strata != null && mariadb != null && strata.succeeded() && mariadb.succeeded()
                && value.apply(mariadb).orElse(0) > 0) {
            line.append(String.format(Locale.ROOT, " ratio=%.3f",
                    value.apply(strata).getAsDouble() / value.apply(mariadb).getAsDouble()));
        }
        return line.toString();
    }

    /** One row per workload and server: tps, qps, p95 latency, ignored errors and whether it succeeded. */
    static List<String> summaryTable(List<SysbenchResult> results) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "  %-20s %-8s %10s %10s %10s %8s  %s",
                "workload", "server", "tps", "qps", "p95 ms", "ignored", "status"));
        for (SysbenchResult result : results) {
            lines.add(String.format(Locale.ROOT, "  %-20s %-8s %10s %10s %10s %8d  %s", result.workload(), result.server(),
                    number(result.transactionsPerSecond()), number(result.queriesPerSecond()),
                    number(result.latencyP95Ms()), result.ignoredErrors(),
                    result.succeeded() ? "ok" : "FAILED: " + clip(result.failure())));
        }
        return lines;
    }

    static String number(OptionalDouble value) {
        if (value.isEmpty()) {
            return "-";
        }
        double number = value.getAsDouble();
        return number >= 100 ? Long.toString(Math.round(number)) : String.format(Locale.ROOT, "%.2f", number);
    }

    private static String clip(String line) {
        return line.length() <= LINE_CHARS_MAX ? line : line.substring(0, LINE_CHARS_MAX) + "...";
    }
}
