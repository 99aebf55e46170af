package io.strata.protocol.types;

import java.math.BigDecimal;

/**
 * Prints FLOAT and DOUBLE values the way MySQL's text protocol does: the shortest digits that read
 * back as the same value, no trailing ".0" ({@code 2}, {@code 1.5}), and scientific notation with
 * a bare exponent ({@code 1e20}, {@code 1.5e-7}) outside MySQL's fixed-notation range.
 */
public final class MysqlNumberFormat {
    /** Decimal exponents in [MIN, MAX) print in fixed notation, as MySQL's my_gcvt does for doubles. */
    private static final int MIN_FIXED_EXPONENT = -5;
    private static final int MAX_FIXED_EXPONENT = 15;

    private MysqlNumberFormat() {}

    public static String formatDouble(double value) {
        return format(value, Double.toString(value));
    }

    /** A FLOAT: the shortest digits of the single-precision value, as MySQL prints FLOAT columns. */
    public static String formatFloat(float value) {
        return format(value, Float.toString(value));
    }

    private static String format(double value, String javaShortest) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            // MySQL cannot store these; a computed one prints like this in MySQL 8.
            return Double.isNaN(value) ? "NaN" : (value > 0 ? "inf" : "-inf");
        }
        if (value == 0) {
            return (1 / value) < 0 ? "-0" : "0";
        }
        BigDecimal decimal = new BigDecimal(javaShortest).stripTrailingZeros();
        int exponent = decimal.precision() - decimal.scale() - 1;
        if (exponent >= MIN_FIXED_EXPONENT && exponent < MAX_FIXED_EXPONENT) {
            return decimal.toPlainString();
        }
        String digits = decimal.unscaledValue().abs().toString();
        StringBuilder text = new StringBuilder(digits.length() + 8);
        if (decimal.signum() < 0) {
            text.append('-');
        }
        text.append(digits.charAt(0));
        if (digits.length() > 1) {
            text.append('.').append(digits, 1, digits.length());
        }
        return text.append('e').append(exponent).toString();
    }
}
