package io.strata.compute.expression;

import java.math.BigDecimal;

/**
 * Reads numbers out of strings the way MySQL does when it converts a string in a numeric context:
 * leading spaces are skipped, the longest numeric prefix counts, and a string without one is 0.
 */
public final class NumberParser {
    private NumberParser() {}

    /** The numeric prefix of {@code text}, and whether it was all of the (trimmed) text. */
    public record Parsed(String digits, boolean complete, boolean integral) {
        public boolean empty() { return digits.isEmpty(); }
    }

    /** Scans {@code [space][sign]digits[.digits][e[sign]digits]}. */
    public static Parsed scan(String text) {
        int length = text.length();
        int start = 0;
        while (start < length && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        int i = start;
        if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int digitsStart = i;
        while (i < length && isDigit(text.charAt(i))) {
            i++;
        }
        int intDigits = i - digitsStart;
        boolean integral = true;
        int fracDigits = 0;
        if (i < length && text.charAt(i) == '.') {
            int dot = i;
            i++;
            while (i < length && isDigit(text.charAt(i))) {
                i++;
            }
            fracDigits = i - dot - 1;
            if (intDigits == 0 && fracDigits == 0) {
                i = dot;
            } else {
                integral = false;
            }
        }
        if (intDigits == 0 && fracDigits == 0) {
            return new Parsed("", false, true);
        }
        if (i < length && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int e = i + 1;
            if (e < length && (text.charAt(e) == '+' || text.charAt(e) == '-')) {
                e++;
            }
            int expStart = e;
            while (e < length && isDigit(text.charAt(e))) {
                e++;
            }
            if (e > expStart) {
                i = e;
                integral = false;
            }
        }
        String digits = text.substring(start, i);
        int end = i;
        while (end < length && Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return new Parsed(digits, end == length, integral);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The string as a double (0 when it has no numeric prefix). */
    public static double toDouble(String text) {
        Parsed parsed = scan(text);
        return parsed.empty() ? 0 : Double.parseDouble(parsed.digits());
    }

    /** The string as an exact decimal (0 when it has no numeric prefix). */
    public static BigDecimal toDecimal(String text) {
        Parsed parsed = scan(text);
        if (parsed.empty()) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(parsed.digits());
        } catch (NumberFormatException | ArithmeticException e) {
            // exponents beyond BigDecimal's range: fall back to the double reading
            return BigDecimal.valueOf(Double.parseDouble(parsed.digits()));
        }
    }

    /**
     * The integer prefix of the string as {@code CAST(s AS SIGNED)} reads it (digits after a point are
     * dropped); values beyond BIGINT saturate.
     */
    public static long toLongPrefix(String text) {
        int length = text.length();
        int i = 0;
        while (i < length && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        long value = 0;
        while (i < length && isDigit(text.charAt(i))) {
            int digit = text.charAt(i) - '0';
            if (value > (Long.MAX_VALUE - digit) / 10) {
                return negative ? Long.MIN_VALUE : Long.MAX_VALUE;
            }
            value = value * 10 + digit;
            i++;
        }
        return negative ? -value : value;
    }
}
