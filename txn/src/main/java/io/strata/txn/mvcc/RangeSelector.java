package io.strata.txn.mvcc;

import io.strata.common.type.ArrowValues;
import io.strata.txn.ColumnRange;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * Tests rows of one vector against one {@link ColumnRange}, so a range scan copies only the rows its
 * filter can accept instead of whole blocks. A NULL never lies in a range (comparisons with NULL are
 * not true). Integer, DATE (epoch days) and DECIMAL columns of up to 18 digits (unscaled) compare
 * primitives; other columns compare boxed values the way zone maps do, and a value that cannot be compared with a bound is kept (the filter above decides).
 */
final class RangeSelector {
    private final FieldVector vector;
    private final BaseIntVector integers; // non-null for integer columns with numeric bounds
    private final DateDayVector dates; // non-null for DATE columns with DATE bounds (epoch days)
    private final DecimalVector decimals; // non-null for DECIMALs of up to 18 digits with numeric bounds (unscaled)
    private final long lowerLong;
    private final long upperLong;
    private final Object lower;
    private final Object upper;
    private final boolean ascending; // the integer vector never decreases and has no NULL: binary search

    RangeSelector(FieldVector vector, ColumnRange range, boolean ascending) {
        this.vector = vector;
        this.lower = range.lower();
        this.upper = range.upper();
        boolean numericBounds = (lower == null || lower instanceof Number) && (upper == null || upper instanceof Number);
        this.integers = vector instanceof BaseIntVector ints && numericBounds && !isUnsigned(vector) ? ints : null;
        boolean dateBounds = (lower == null || lower instanceof LocalDate) && (upper == null || upper instanceof LocalDate);
        this.dates = vector instanceof DateDayVector days && dateBounds ? days : null;
        boolean exactBounds = numericBounds && !(lower instanceof Double || lower instanceof Float
                || upper instanceof Double || upper instanceof Float);
        this.decimals = vector instanceof DecimalVector d && exactBounds && d.getPrecision() <= 18 ? d : null;
        if (integers != null) {
            this.lowerLong = lower == null ? Long.MIN_VALUE : ceiling((Number) lower);
            this.upperLong = upper == null ? Long.MAX_VALUE : floor((Number) upper);
        } else if (dates != null) {
            this.lowerLong = lower == null ? Long.MIN_VALUE : ((LocalDate) lower).toEpochDay();
            this.upperLong = upper == null ? Long.MAX_VALUE : ((LocalDate) upper).toEpochDay();
        } else if (decimals != null) {
            this.lowerLong = lower == null ? Long.MIN_VALUE : ceiling(decimal((Number) lower).movePointRight(decimals.getScale()));
            this.upperLong = upper == null ? Long.MAX_VALUE : floor(decimal((Number) upper).movePointRight(decimals.getScale()));
        } else {
            this.lowerLong = Long.MIN_VALUE;
            this.upperLong = Long.MAX_VALUE;
        }
        this.ascending = ascending && integers != null;
    }

    /** Selectors for the ranges over {@code columns} (table column indexes of the batch's vectors). */
    static RangeSelector[] of(java.util.List<ColumnRange> ranges, int[] columns, java.util.function.IntFunction<FieldVector> vectorAt) {
        return of(ranges, columns, vectorAt, i -> false);
    }

    /**
     * Selectors for the ranges over {@code columns}; {@code ascendingAt} tells which vectors are known to
     * be NULL-free and in ascending order. Selectors that can binary-search go first.
     */
    static RangeSelector[] of(java.util.List<ColumnRange> ranges, int[] columns, java.util.function.IntFunction<FieldVector> vectorAt,
                              java.util.function.IntPredicate ascendingAt) {
        java.util.List<RangeSelector> selectors = new java.util.ArrayList<>();
        for (ColumnRange range : ranges) {
            for (int i = 0; i < columns.length; i++) {
                if (columns[i] == range.column()) {
                    RangeSelector selector = new RangeSelector(vectorAt.apply(i), range, ascendingAt.test(i));
                    if (selector.ascending) {
                        selectors.add(0, selector);
                    } else {
                        selectors.add(selector);
                    }
                    break;
                }
            }
        }
        return selectors.toArray(RangeSelector[]::new);
    }

    /**
     * The positions among {@code [0, rows)} inside every range, ascending; null when there is no
     * selector (every position). Integer columns are tested in a tight loop over the data buffer.
     */
    static int[] candidates(RangeSelector[] selectors, int rows) {
        if (selectors.length == 0) {
            return null;
        }
        int[] positions;
        int count;
        RangeSelector first = selectors[0];
        if (first.ascending) {
            // A binary-searched span: allocate for the rows inside it, not for the whole block.
            int from = first.firstAtLeast(first.lowerLong, rows);
            int to = first.upperLong == Long.MAX_VALUE ? rows : first.firstAtLeast(first.upperLong + 1, rows);
            count = Math.max(0, to - from);
            positions = new int[count];
            for (int k = 0; k < count; k++) {
                positions[k] = from + k;
            }
        } else {
            positions = new int[rows];
            count = first.selectAll(rows, positions);
        }
        for (int s = 1; s < selectors.length && count > 0; s++) {
            int kept = 0;
            for (int k = 0; k < count; k++) {
                if (selectors[s].matches(positions[k])) {
                    positions[kept++] = positions[k];
                }
            }
            count = kept;
        }
        return count == positions.length ? positions : java.util.Arrays.copyOf(positions, count);
    }

    /** Writes the rows in {@code [0, rows)} inside this range to {@code out} by testing each; returns how many. */
    private int selectAll(int rows, int[] out) {
        int count = 0;
        if (integers instanceof org.apache.arrow.vector.IntVector ints) {
            org.apache.arrow.memory.ArrowBuf data = ints.getDataBuffer();
            for (int row = 0; row < rows; row++) {
                long value = data.getInt((long) row * Integer.BYTES);
                if (value >= lowerLong && value <= upperLong && !ints.isNull(row)) {
                    out[count++] = row;
                }
            }
        } else if (integers instanceof org.apache.arrow.vector.BigIntVector longs) {
            org.apache.arrow.memory.ArrowBuf data = longs.getDataBuffer();
            for (int row = 0; row < rows; row++) {
                long value = data.getLong((long) row * Long.BYTES);
                if (value >= lowerLong && value <= upperLong && !longs.isNull(row)) {
                    out[count++] = row;
                }
            }
        } else if (dates != null) {
            org.apache.arrow.memory.ArrowBuf data = dates.getDataBuffer();
            for (int row = 0; row < rows; row++) {
                long value = data.getInt((long) row * Integer.BYTES);
                if (value >= lowerLong && value <= upperLong && !dates.isNull(row)) {
                    out[count++] = row;
                }
            }
        } else if (decimals != null) {
            org.apache.arrow.memory.ArrowBuf data = decimals.getDataBuffer();
            for (int row = 0; row < rows; row++) {
                long value = data.getLong((long) row * DecimalVector.TYPE_WIDTH); // 18 digits: the low word is the value
                if (value >= lowerLong && value <= upperLong && !decimals.isNull(row)) {
                    out[count++] = row;
                }
            }
        } else {
            for (int row = 0; row < rows; row++) {
                if (matches(row)) {
                    out[count++] = row;
                }
            }
        }
        return count;
    }

    /** The first position among {@code [0, rows)} whose value is at least {@code bound} ({@code rows} if none): the vector ascends. */
    private int firstAtLeast(long bound, int rows) {
        int low = 0;
        int high = rows;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (integers.getValueAsLong(middle) < bound) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    static boolean all(RangeSelector[] selectors, int row) {
        for (RangeSelector selector : selectors) {
            if (!selector.matches(row)) {
                return false;
            }
        }
        return true;
    }

    boolean matches(int row) {
        if (vector.isNull(row)) {
            return false;
        }
        if (integers != null || dates != null || decimals != null) {
            long value = integers != null ? integers.getValueAsLong(row)
                    : dates != null ? dates.get(row) : decimals.getDataBuffer().getLong((long) row * DecimalVector.TYPE_WIDTH);
            return value >= lowerLong && value <= upperLong;
        }
        Object value = ArrowValues.get(vector, row);
        return (lower == null || BoundOrder.compare(value, lower) >= 0) && (upper == null || BoundOrder.compare(value, upper) <= 0);
    }

    private static boolean isUnsigned(FieldVector vector) {
        return vector.getField().getType() instanceof org.apache.arrow.vector.types.pojo.ArrowType.Int type && !type.getIsSigned();
    }

    /** The least long at or above {@code bound} (saturating). */
    static long ceiling(Number bound) {
        if (bound instanceof Long || bound instanceof Integer || bound instanceof Short || bound instanceof Byte) {
            return bound.longValue();
        }
        if (bound instanceof Double d && d.isNaN()) {
            return Long.MIN_VALUE; // cannot order: keep everything
        }
        return clamp(decimal(bound).setScale(0, RoundingMode.CEILING));
    }

    /** The greatest long at or below {@code bound} (saturating). */
    static long floor(Number bound) {
        if (bound instanceof Long || bound instanceof Integer || bound instanceof Short || bound instanceof Byte) {
            return bound.longValue();
        }
        if (bound instanceof Double d && d.isNaN()) {
            return Long.MAX_VALUE;
        }
        return clamp(decimal(bound).setScale(0, RoundingMode.FLOOR));
    }

    private static BigDecimal decimal(Number number) {
        if (number instanceof Double d && d.isInfinite()) {
            return BigDecimal.valueOf(d > 0 ? Long.MAX_VALUE : Long.MIN_VALUE);
        }
        return number instanceof BigDecimal d ? d : new BigDecimal(number.toString());
    }

    private static long clamp(BigDecimal value) {
        if (value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) >= 0) {
            return Long.MAX_VALUE;
        }
        if (value.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) <= 0) {
            return Long.MIN_VALUE;
        }
        return value.longValueExact();
    }
}
