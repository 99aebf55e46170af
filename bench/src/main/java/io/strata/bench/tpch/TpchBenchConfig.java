package io.strata.bench.tpch;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The TPC-H benchmark's knobs, from {@code -Dbench.<name>} (the launcher's {@code name=value} arguments):
 * {@code sf} (scale factor, 1), {@code runs} (timed runs per query and engine, 3), {@code queries}
 * (comma-separated numbers, all 22), {@code queryTimeoutSeconds} (one Strata run, 1800).
 */
record TpchBenchConfig(double scaleFactor, int runs, List<Integer> queries, int queryTimeoutSeconds) {
    static TpchBenchConfig fromSystemProperties() {
        String queries = System.getProperty("bench.queries", "").trim();
        List<Integer> numbers = queries.isEmpty() ? IntStream.rangeClosed(1, 22).boxed().toList()
                : Arrays.stream(queries.split(",")).map(String::trim).map(Integer::valueOf).toList();
        for (int number : numbers) {
            if (number < 1 || number > 22) {
                throw new IllegalArgumentException("bench.queries: TPC-H has queries 1 to 22, not " + number);
            }
        }
        int runs = Integer.getInteger("bench.runs", 3);
        if (runs < 1) {
            throw new IllegalArgumentException("bench.runs must be at least 1");
        }
        return new TpchBenchConfig(Double.parseDouble(System.getProperty("bench.sf", "1")), runs, numbers,
                Integer.getInteger("bench.queryTimeoutSeconds", 1800));
    }
}
