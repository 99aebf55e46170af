package io.strata.sql.load;

import io.strata.common.type.DataType;
import io.strata.common.type.TypeKind;
import io.strata.compute.expression.Column;

/**
 * The common shapes of numbers and dates in a LOAD DATA file, parsed from the field bytes into a column's
 * primitive arrays without making Strings: plain integers, decimals with at most the column's scale,
 * {@code YYYY-MM-DD} dates. A column with any other value (spaces, exponents, rounding, out of range, a
 * bad date) returns null, and the caller converts the whole column the general way, with its MySQL rules
 * and messages; so this only ever speeds up what that would accept unchanged.
 */
final class FieldParsers {
    private static final int MAX_LONG_DIGITS = 18;

    private FieldParsers() {}

    /** Whether {@link #parse} may handle columns of {@code type}. */
    static boolean handles(DataType type) {
        return switch (type.kind()) {
            case TINYINT, SMALLINT, INT, BIGINT, DATE -> true;
            case DECIMAL -> Column.fitsUnscaled(type) && type.precision() <= MAX_LONG_DIGITS;
            default -> false;
        };
    }

    /** Field {@code field} of {@code rows} rows as a column of {@code type}, or null if a value is unusual. */
    static Column parse(BatchFields fields, int field, int rows, DataType type) {
        long[] values = new long[rows];
        boolean[] nulls = new boolean[rows];
        byte[] bytes = fields.bytes(field);
        TypeKind kind = type.kind();
        for (int row = 0; row < rows; row++) {
            if (fields.isNull(field, row)) {
                nulls[row] = true;
                continue;
            }
            int start = fields.start(field, row);
            int end = fields.end(field, row);
            long value = switch (kind) {
                case DATE -> epochDay(bytes, start, end);
                case DECIMAL -> unscaled(bytes, start, end, type.scale(), type.precision());
                default -> integer(bytes, start, end, kind);
            };
            if (value == Long.MIN_VALUE) {
                return null;
            }
            values[row] = value;
        }
        if (kind == TypeKind.DECIMAL) {
            return Column.ofUnscaled(type, values, nulls);
        }
        Column column = Column.allocate(type, rows);
        System.arraycopy(values, 0, column.longs(), 0, rows);
        System.arraycopy(nulls, 0, column.nulls(), 0, rows);
        return column;
    }

    /** An optionally signed run of at most 18 digits in the type's range; Long.MIN_VALUE otherwise. */
    private static long integer(byte[] bytes, int start, int end, TypeKind kind) {
        boolean negative = start < end && bytes[start] == '-';
        int first = negative || (start < end && bytes[start] == '+') ? start + 1 : start;
        if (first == end || end - first > MAX_LONG_DIGITS) {
            return Long.MIN_VALUE;
        }
        long value = 0;
        for (int i = first; i < end; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                return Long.MIN_VALUE;
            }
            value = value * 10 + digit;
        }
        value = negative ? -value : value;
        long max = switch (kind) {
            case TINYINT -> Byte.MAX_VALUE;
            case SMALLINT -> Short.MAX_VALUE;
            case INT -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
        return value > max || value < -max - 1 ? Long.MIN_VALUE : value;
    }

    /** [-]digits[.digits] with at most {@code scale} fraction digits and the type's integer digits, unscaled. */
    private static long unscaled(byte[] bytes, int start, int end, int scale, int precision) {
        boolean negative = start < end && bytes[start] == '-';
        int i = negative || (start < end && bytes[start] == '+') ? start + 1 : start;
        long value = 0;
        int integerDigits = 0;
        int fractionDigits = 0;
        boolean point = false;
        boolean any = false;
        for (; i < end; i++) {
            byte b = bytes[i];
            if (b == '.' && !point) {
                point = true;
                continue;
            }
            int digit = b - '0';
            if (digit < 0 || digit > 9) {
                return Long.MIN_VALUE;
            }
            any = true;
            if (point) {
                if (++fractionDigits > scale) {
                    return Long.MIN_VALUE; // rounding: the general way
                }
            } else if (value != 0 || digit != 0) {
                integerDigits++;
            }
            value = value * 10 + digit;
        }
        if (!any || integerDigits > precision - scale) {
            return Long.MIN_VALUE;
        }
        for (int pad = fractionDigits; pad < scale; pad++) {
            value *= 10;
        }
        return negative ? -value : value;
    }

    /** YYYY-MM-DD as epoch days; Long.MIN_VALUE for any other shape or an impossible date. */
    private static long epochDay(byte[] bytes, int start, int end) {
        if (end - start != 10 || bytes[start + 4] != '-' || bytes[start + 7] != '-') {
            return Long.MIN_VALUE;
        }
        int year = digits(bytes, start, 4);
        int month = digits(bytes, start + 5, 2);
        int day = digits(bytes, start + 8, 2);
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return Long.MIN_VALUE;
        }
        return java.time.LocalDate.of(year, month, day).toEpochDay();
    }

    private static int digits(byte[] bytes, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
