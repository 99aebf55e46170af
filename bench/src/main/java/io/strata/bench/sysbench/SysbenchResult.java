package io.strata.bench.sysbench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures of one {@code sysbench run}, read from its report: transactions and queries per
 * second, the 95th percentile latency, errors sysbench ignored (by default 1213 deadlock, 1205 lock
 * wait timeout, 1020 record changed: it retries those transactions) and its FATAL lines (an error it
 * does not ignore ends the client thread). Missing figures are empty: sysbench stopped before its report.
 */
record SysbenchResult(String server, String workload, OptionalDouble transactionsPerSecond,
                      OptionalDouble queriesPerSecond, OptionalDouble latencyP95Ms, long ignoredErrors,
                      List<String> fatalLines, int exitCode, boolean timedOut) {
    private static final Pattern TRANSACTIONS = Pattern.compile("transactions:\\s+\\d+\\s+\\(([0-9.]+) per sec\\.\\)");
    private static final Pattern QUERIES = Pattern.compile("\\n\\s*queries:\\s+\\d+\\s+\\(([0-9.]+) per sec\\.\\)");
    private static final Pattern IGNORED_ERRORS = Pattern.compile("ignored errors:\\s+(\\d+)");
    private static final Pattern LATENCY_P95 = Pattern.compile("95th percentile:\\s+([0-9.]+)");
    private static final int FATAL_LINES_MAX = 20;

    SysbenchResult {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(workload, "workload");
        fatalLines = List.copyOf(fatalLines);
    }

    static SysbenchResult parse(String server, String workload, SysbenchProcess.Output output) {
        String text = output.text();
        Matcher ignored = IGNORED_ERRORS.matcher(text);
        return new SysbenchResult(server, workload, number(TRANSACTIONS, text), number(QUERIES, text),
                number(LATENCY_P95, text), ignored.find() ? Long.parseLong(ignored.group(1)) : 0,
                fatalLines(text), output.exitCode(), output.timedOut());
    }

    /** The run finished on time, without a FATAL error, and reported its figures. */
    boolean succeeded() {
        return exitCode == 0 && !timedOut && fatalLines.isEmpty() && queriesPerSecond.isPresent();
    }

    /** Why the run did not succeed, in one line; empty when it did. */
    String failure() {
        if (timedOut) {
            return "timed out (sysbench killed)";
        }
        if (!fatalLines.isEmpty()) {
            return fatalLines.get(0);
        }
        if (exitCode != 0) {
            return "sysbench exited with " + exitCode;
        }
        return queriesPerSecond.isPresent() ? "" : "no report in the output";
    }

    /** Distinct FATAL lines (the first few), each with the SQL and the server's error where sysbench names them. */
    static List<String> fatalLines(String text) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String line : text.split("\n")) {
            int fatal = line.indexOf("FATAL:");
            if (fatal >= 0 && distinct.size() < FATAL_LINES_MAX) {
                distinct.add(line.substring(fatal).strip());
            }
        }
        return new ArrayList<>(distinct);
    }

    private static OptionalDouble number(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? OptionalDouble.of(Double.parseDouble(matcher.group(1))) : OptionalDouble.empty();
    }
}
