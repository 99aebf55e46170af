package io.strata.tests.tpch;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Whether a result equals a peer's: the same rows (as a multiset), and where the query's ORDER BY
 * fixes the order, the same sequence of ORDER BY values. Exact numbers must be equal; a DOUBLE matches
 * a DECIMAL of scale s within one unit of its last place (DuckDB divides and averages decimals into
 * doubles, MySQL into decimals with four more digits) and another DOUBLE within a relative 1e-9.
 */
public final class ResultComparison {
    private static final double RELATIVE_TOLERANCE = 1e-9;

    private ResultComparison() {}

    /** The first difference between {@code actual} and {@code expected}, or empty when they match. */
    public static Optional<String> difference(QueryResult expected, QueryResult actual, List<Integer> orderedColumns) {
        int width = expected.columns().size();
        if (actual.columns().size() != width) {
            return Optional.of("columns " + actual.columns() + ", expected " + expected.columns());
        }
        if (actual.rows().size() != expected.rows().size()) {
            return Optional.of(actual.rows().size() + " rows, expected " + expected.rows().size());
        }
        for (int i = 0; i < expected.rows().size(); i++) {
            for (int column : orderedColumns) {
                Object want = expected.rows().get(i).get(column - 1);
                Object got = actual.rows().get(i).get(column - 1);
                if (!matches(want, got)) {
                    return Optional.of("out of order at row " + (i + 1) + ": column " + column + " is " + got
                            + ", expected " + want + " (row " + actual.rows().get(i) + ")");
                }
            }
        }
        List<List<Object>> want = sorted(expected.rows());
        List<List<Object>> got = sorted(actual.rows());
        for (int i = 0; i < want.size(); i++) {
            for (int column = 0; column < width; column++) {
                if (!matches(want.get(i).get(column), got.get(i).get(column))) {
                    return Optional.of("row " + got.get(i) + " where " + want.get(i) + " was expected (column "
                            + expected.columns().get(column) + ")");
                }
            }
        }
        return Optional.empty();
    }

    /** Whether {@code got} is the value {@code want} within the tolerances above. */
    static boolean matches(Object want, Object got) {
        if (want == null || got == null) {
            return want == got;
        }
        if (want instanceof BigDecimal w && got instanceof BigDecimal g) {
            return w.compareTo(g) == 0;
        }
        if (want instanceof Double w && got instanceof BigDecimal g) {
            return closeToDecimal(w, g);
        }
        if (want instanceof BigDecimal w && got instanceof Double g) {
            return closeToDecimal(g, w);
        }
        if (want instanceof Double w && got instanceof Double g) {
            return Math.abs(w - g) <= RELATIVE_TOLERANCE * Math.max(1, Math.max(Math.abs(w), Math.abs(g)));
        }
        return want.equals(got);
    }

    private static boolean closeToDecimal(double approximate, BigDecimal exact) {
        double unit = Math.pow(10, -Math.max(exact.scale(), 0));
        double difference = Math.abs(approximate - exact.doubleValue());
        return difference <= unit + RELATIVE_TOLERANCE * Math.abs(approximate);
    }

    private static List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> copy = new ArrayList<>(rows);
        copy.sort(ROWS);
        return copy;
    }

    private static final Comparator<Object> VALUES = (a, b) -> {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof Number || b instanceof Number) {
            if (a instanceof Number x && b instanceof Number y) {
                return Double.compare(x.doubleValue(), y.doubleValue());
            }
            return a instanceof Number ? -1 : 1;
        }
        return a.toString().compareTo(b.toString());
    };

    private static final Comparator<List<Object>> ROWS = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int order = VALUES.compare(a.get(i), b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    };
}
