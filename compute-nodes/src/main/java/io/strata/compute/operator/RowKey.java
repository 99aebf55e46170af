package io.strata.compute.operator;

import io.strata.common.type.StringCollation;
import io.strata.compute.expression.Column;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A hashable key of several values, normalized so that values SQL calls equal are equal here:
 * numbers of any type by value (1 = 1.0 = 1.00), strings under {@link StringCollation}, DATE as
 * the DATETIME of its midnight. A NULL part is kept as null (GROUP BY puts NULLs in one group;
 * joins never look up keys with a NULL part).
 */
public record RowKey(Object[] parts) {
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    @Override
    public boolean equals(Object other) {
        return other instanceof RowKey key && Arrays.equals(parts, key.parts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(parts);
    }

    public boolean hasNull() {
        for (Object part : parts) {
            if (part == null) {
                return true;
            }
        }
        return false;
    }

    /** Whether keys of this type normalize to a long ({@link #normalizedLongs}) instead of an object. */
    static boolean isLongKey(io.strata.common.type.DataType type) {
        return Column.representation(type.kind()) == Column.Representation.LONG;
    }

    /** The normalized values of a column of a {@link #isLongKey} type (rows that are NULL hold garbage). */
    static long[] normalizedLongs(Column column) {
        if (column.type().kind() != io.strata.common.type.TypeKind.DATE) {
            return column.longs();
        }
        long[] values = new long[column.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = column.longs()[i] * MICROS_PER_DAY;
        }
        return values;
    }

    /** The key of every row of {@code columns} (the columns of one batch, {@code rowCount} rows each). */
    static RowKey[] ofRows(Column[] columns, int rowCount) {
        Object[][] normalized = new Object[columns.length][];
        for (int c = 0; c < columns.length; c++) {
            normalized[c] = normalize(columns[c]);
        }
        RowKey[] keys = new RowKey[rowCount];
        for (int r = 0; r < rowCount; r++) {
            Object[] parts = new Object[columns.length];
            for (int c = 0; c < columns.length; c++) {
                parts[c] = normalized[c][r];
            }
            keys[r] = new RowKey(parts);
        }
        return keys;
    }

    /** The normalized value of every row of {@code column} (null for NULL). */
    public static Object[] normalize(Column column) {
        int size = column.size();
        Object[] out = new Object[size];
        for (int i = 0; i < size; i++) {
            if (!column.isNull(i)) {
                out[i] = normalize(column, i);
            }
        }
        return out;
    }

    private static Object normalize(Column column, int row) {
        return switch (column.type().kind()) {
            case DATE -> column.longs()[row] * MICROS_PER_DAY;
            case FLOAT, DOUBLE -> normalizeDouble(column.doubles()[row]);
            case DECIMAL -> normalizeDecimal((BigDecimal) column.objects()[row]);
            case VARCHAR, CHAR, TEXT, JSON -> StringCollation.fold((String) column.objects()[row]);
            case VARBINARY, BLOB -> ByteBuffer.wrap((byte[]) column.objects()[row]);
            case VECF32 -> ByteBuffer.wrap(Arrays.toString((float[]) column.objects()[row]).getBytes());
            case VECF64 -> ByteBuffer.wrap(Arrays.toString((double[]) column.objects()[row]).getBytes());
            case NULL -> null;
            default -> column.longs()[row];
        };
    }

    private static Object normalizeDouble(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 9.0e18) {
            return (long) value; // also folds -0.0 into 0
        }
        return Double.isFinite(value) ? normalizeDecimal(new BigDecimal(Double.toString(value))) : value;
    }

    private static Object normalizeDecimal(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() < 19) {
            return stripped.longValueExact();
        }
        return stripped;
    }
}
