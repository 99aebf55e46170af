package io.strata.tests.slt;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQLite's sqllogictest rules for printing one result value: NULL as {@code NULL}, the empty string
 * as {@code (empty)}, I as an integer (truncated toward zero, like sqlite3_column_int64), R with
 * three decimals ({@code %.3f}), T as text with control characters printed as {@code @}.
 */
public final class ValueFormat {
    private static final Pattern NUMERIC_PREFIX = Pattern.compile("^\\s*[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    private ValueFormat() {}

    /** {@code raw} is the value as the driver's getString returns it (null for SQL NULL). */
    public static String format(String raw, char type) {
        if (raw == null) {
            return "NULL";
        }
        return switch (type) {
            case 'I' -> numericPrefix(raw).setScale(0, RoundingMode.DOWN).toBigInteger().toString();
            case 'R' -> String.format(Locale.ROOT, "%.3f", numericPrefix(raw).doubleValue());
            case 'T' -> raw.isEmpty() ? "(empty)" : printable(raw);
            default -> throw new IllegalArgumentException("unknown column type letter " + type);
        };
    }

    /** The leading number of {@code raw}, 0 when there is none (SQLite's text-to-number rule). */
    private static BigDecimal numericPrefix(String raw) {
        if (raw.equalsIgnoreCase("true")) {
            return BigDecimal.ONE;
        }
        Matcher matcher = NUMERIC_PREFIX.matcher(raw);
        return matcher.find() ? new BigDecimal(matcher.group().strip()) : BigDecimal.ZERO;
    }

    private static String printable(String text) {
        StringBuilder printed = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            printed.append(c < ' ' || c == 0x7f ? '@' : c);
        }
        return printed.toString();
    }
}
