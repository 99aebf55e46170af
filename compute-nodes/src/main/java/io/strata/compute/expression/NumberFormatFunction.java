package io.strata.compute.expression;

import io.strata.common.type.DataType;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * FORMAT(x, d): x rounded half away from zero to d decimal places (0 to 30) and printed with ',' between
 * groups of three integer digits and '.' before the decimals (the en_US locale, MySQL's default).
 */
final class NumberFormatFunction {
    private static final int MAX_DECIMALS = 30;

    private NumberFormatFunction() {}

    static Column apply(Column[] arguments, DataType type, int size) {
        Column numbers = exactOrDouble(arguments[0]);
        Column decimals = ColumnCaster.cast(arguments[1], DataType.BIGINT);
        Column out = Column.allocate(type, size);
        for (int i = 0; i < size; i++) {
            if (numbers.isNull(i) || decimals.isNull(i)) {
                out.nulls()[i] = true;
                continue;
            }
            int places = (int) Math.max(0, Math.min(MAX_DECIMALS, decimals.longs()[i]));
            BigDecimal rounded = decimal(numbers, i).setScale(places, RoundingMode.HALF_UP);
            out.set(i, grouped(rounded.toPlainString()));
        }
        return out;
    }

    /** Integers and DECIMALs as they are, anything else (strings are read as numbers) as a DOUBLE. */
    private static Column exactOrDouble(Column column) {
        io.strata.common.type.TypeKind kind = column.type().kind();
        return kind.isInteger() || kind == io.strata.common.type.TypeKind.DECIMAL ? column
                : ColumnCaster.cast(column, DataType.DOUBLE);
    }

    private static BigDecimal decimal(Column column, int row) {
        return switch (column.representation()) {
            case LONG -> BigDecimal.valueOf(column.longs()[row]);
            case DOUBLE -> Double.isFinite(column.doubles()[row]) ? new BigDecimal(Double.toString(column.doubles()[row]))
                    : BigDecimal.ZERO;
            case OBJECT -> (BigDecimal) column.objects()[row];
        };
    }

    /** "-1234567.50" → "-1,234,567.50". */
    static String grouped(String plain) {
        int point = plain.indexOf('.');
        int integerEnd = point < 0 ? plain.length() : point;
        int digitsStart = plain.startsWith("-") ? 1 : 0;
        StringBuilder out = new StringBuilder(plain.length() + plain.length() / 3);
        out.append(plain, 0, digitsStart);
        for (int i = digitsStart; i < integerEnd; i++) {
            if (i > digitsStart && (integerEnd - i) % 3 == 0) {
                out.append(',');
            }
            out.append(plain.charAt(i));
        }
        out.append(plain, integerEnd, plain.length());
        return out.toString();
    }
}
