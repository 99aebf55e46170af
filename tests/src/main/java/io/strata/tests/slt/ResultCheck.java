package io.strata.tests.slt;

import io.strata.tests.slt.SltRecord.SortMode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares formatted query results with a record's expected lines. Expected results may be written
 * one value per line (SQLite's layout), one row per line with the values separated by whitespace
 * (our files' layout; runs of spaces or tabs count as one separator), or as
 * {@code N values hashing to MD5} (the MD5 of every value followed by a newline, after sorting).
 */
public final class ResultCheck {
    private static final Pattern HASHED = Pattern.compile("^(\\d+) values hashing to ([0-9a-f]{32})$");

    private ResultCheck() {}

    /** Sorts formatted rows as the sort mode says and returns them (valuesort returns one value per row). */
    public static List<List<String>> sorted(List<List<String>> rows, SortMode sortMode) {
        List<List<String>> result = new ArrayList<>(rows);
        switch (sortMode) {
            case NOSORT -> { }
            case ROWSORT -> result.sort(ResultCheck::compareRows);
            case VALUESORT -> {
                List<String> values = new ArrayList<>(flatten(rows));
                values.sort(Comparator.naturalOrder());
                result = new ArrayList<>(values.stream().map(List::of).toList());
            }
        }
        return result;
    }

    private static int compareRows(List<String> left, List<String> right) {
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            int order = left.get(i).compareTo(right.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.size(), right.size());
    }

    public static List<String> flatten(List<List<String>> rows) {
        return rows.stream().flatMap(List::stream).toList();
    }

    /** "N values hashing to MD5" of the values in order. */
    public static String hash(List<String> values) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            for (String value : values) {
                md5.update(value.getBytes(StandardCharsets.UTF_8));
                md5.update((byte) '\n');
            }
            return values.size() + " values hashing to " + HexFormat.of().formatHex(md5.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }

    /** True when {@code expected} describes {@code rows} (already sorted) in any of the accepted layouts. */
    public static boolean matches(List<String> expected, List<List<String>> rows) {
        List<String> values = flatten(rows);
        if (expected.size() == 1) {
            Matcher hashed = HASHED.matcher(expected.get(0).strip());
            if (hashed.matches()) {
                return hash(values).equals(expected.get(0).strip());
            }
        }
        if (expected.stream().map(String::strip).toList().equals(values)) {
            return true;
        }
        if (expected.size() != rows.size()) {
            return false;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (!collapse(expected.get(i)).equals(collapse(String.join(" ", rows.get(i))))) {
                return false;
            }
        }
        return true;
    }

    /** The actual result written in the layout {@code expected} uses, for a readable mismatch report. */
    public static List<String> render(List<String> expected, List<List<String>> rows) {
        List<String> values = flatten(rows);
        if (expected.size() == 1 && HASHED.matcher(expected.get(0).strip()).matches()) {
            return List.of(hash(values));
        }
        boolean rowLayout = !rows.isEmpty() && rows.get(0).size() > 1 && expected.size() != values.size();
        return rowLayout ? rows.stream().map(row -> String.join(" ", row)).toList() : values;
    }

    private static String collapse(String line) {
        return line.strip().replaceAll("\\s+", " ");
    }
}
