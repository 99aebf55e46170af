package io.strata.bench.tpch;

import java.util.Locale;

/**
 * One query's figures: median milliseconds on each engine, whether Strata's answer differed from
 * DuckDB's (null when it did not) and why it did not run (null when it did).
 */
record QueryTimes(int number, double strataMillis, double duckDbMillis, String difference, String failure) {
    boolean ran() {
        return failure == null;
    }

    double ratio() {
        return strataMillis / duckDbMillis;
    }

    String line() {
        if (!ran()) {
            return String.format(Locale.ROOT, "Q%02d FAILED: %s", number, failure);
        }
        return String.format(Locale.ROOT, "Q%02d strata=%.1f ms duckdb=%.1f ms ratio=%.2f%s", number, strataMillis,
                duckDbMillis, ratio(), difference == null ? "" : "  DIFFERENT ANSWER: " + difference);
    }
}
