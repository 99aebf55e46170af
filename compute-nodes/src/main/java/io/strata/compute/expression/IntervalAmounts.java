package io.strata.compute.expression;

import io.strata.common.error.ErrorCode;
import io.strata.common.type.DataType;
import io.strata.compute.operator.WarningSink;

/**
 * INTERVAL_AMOUNT(value, unit): the amount of {@code INTERVAL value unit} in the unit's smallest measure
 * ({@link IntervalUnit}), read from the value's text as MySQL's get_interval_value does: an optional
 * leading '-' negates the whole, each run of digits is a part and anything else separates parts; fewer
 * parts than the unit has are the smallest ones ('1:30' DAY_SECOND is 1 minute 30 seconds); with a
 * MICROSECOND part, a last part of fewer than 6 digits is a fraction ('1.5' SECOND_MICROSECOND is 1.5
 * seconds). Too many parts or an overflow give NULL and warning 1441, which MySQL reports for DATE_ADD.
 */
final class IntervalAmounts {
    private static final long[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    private IntervalAmounts() {}

    static Column apply(Column value, IntervalUnit unit, int size, WarningSink warnings) {
        Column out = Column.allocate(DataType.BIGINT, size);
        for (int i = 0; i < size; i++) {
            Long amount = value.isNull(i) ? null : amount(ColumnCaster.text(value, i), unit);
            if (amount == null) {
                out.nulls()[i] = true;
                if (!value.isNull(i)) {
                    warnings.warn(ErrorCode.ER_DATETIME_FUNCTION_OVERFLOW.mysqlCode(),
                            "Datetime function: date_add_interval field overflow");
                }
            } else {
                out.longs()[i] = amount;
            }
        }
        return out;
    }

    /** The signed amount of {@code text} in {@code unit}, or null when the text does not read as one. */
    static Long amount(String text, IntervalUnit unit) {
        int count = unit.parts();
        long[] values = new long[count];
        int end = text.length();
        int at = 0;
        while (at < end && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        boolean negative = at < end && text.charAt(at) == '-';
        at = skipNonDigits(text, negative ? at + 1 : at);
        int lastDigits = 0;
        for (int part = 0; part < count; part++) {
            int start = at;
            long number = 0;
            for (; at < end && isDigit(text.charAt(at)); at++) {
                if (number > (Long.MAX_VALUE - 10) / 10) {
                    return null;
                }
                number = number * 10 + (text.charAt(at) - '0');
            }
            lastDigits = at - start;
            values[part] = number;
            at = skipNonDigits(text, at);
            if (at == end && part < count - 1) { // the parts given are the smallest ones
                int given = part + 1;
                System.arraycopy(values, 0, values, count - given, given);
                java.util.Arrays.fill(values, 0, count - given, 0);
                break;
            }
        }
        if (at != end) {
            return null; // more parts than the unit has
        }
        if (unit.microseconds() && count > 1 && lastDigits < 6) {
            values[count - 1] *= POWERS_OF_TEN[6 - lastDigits];
        }
        try {
            long total = 0;
            for (int part = 0; part < count; part++) {
                total = Math.addExact(total, Math.multiplyExact(values[part], unit.partSize(part)));
            }
            return negative ? -total : total;
        } catch (ArithmeticException e) {
            return null; // beyond any date: MySQL reports the overflow
        }
    }

    private static int skipNonDigits(String text, int at) {
        while (at < text.length() && !isDigit(text.charAt(at))) {
            at++;
        }
        return at;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
