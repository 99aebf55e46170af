package io.strata.compute.expression;

import io.strata.common.type.ArrowValues;
import io.strata.common.type.DataType;
import io.strata.common.type.TypeKind;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;

import java.math.BigDecimal;

/**
 * Decodes chosen rows of an Arrow vector into a {@link Column}: all rows of a batch, or the rows a
 * selection vector names (a filter's survivors, read without first copying them into a new batch).
 * Fixed-width values and validity bits are read straight from the buffers' memory after one bounds
 * check per call; strings are copied as UTF-8 bytes into one array per column, not one String per row.
 */
final class ColumnReader {
    private ColumnReader() {}

    /**
     * Rows {@code positions[0..count)} of {@code vector} (rows {@code 0..count) when {@code positions}
     * is null), as a column of {@code type}.
     */
    static Column read(FieldVector vector, DataType type, int[] positions, int count) {
        Column column = Column.allocate(type, count);
        if (type.kind() == TypeKind.NULL || count == 0) {
            return column;
        }
        checkRows(vector, positions, count);
        boolean[] nulls = column.nulls();
        readNulls(vector, positions, count, nulls);
        if (vector instanceof DecimalVector decimals && Column.fitsUnscaled(type) && decimals.getScale() == type.scale()) {
            long[] unscaled = readLowWords(decimals, positions, count, nulls, type.precision() > Column.MAX_UNSCALED_PRECISION);
            if (unscaled != null) {
                column.adoptUnscaled(unscaled);
                return column;
            }
        }
        if (vector instanceof VarCharVector strings && column.representation() == Column.Representation.OBJECT) {
            readUtf8(strings, positions, count, nulls, column);
            return column;
        }
        switch (column.representation()) {
            case LONG -> readLongs(vector, positions, count, column.longs());
            case DOUBLE -> readDoubles(vector, positions, count, column.doubles());
            case OBJECT -> readObjects(vector, positions, count, nulls, column.objects());
        }
        return column;
    }

    private static void checkRows(FieldVector vector, int[] positions, int count) {
        int valueCount = vector.getValueCount();
        if (positions == null) {
            if (count > valueCount) {
                throw new IndexOutOfBoundsException(count + " rows asked of a vector of " + valueCount);
            }
            return;
        }
        for (int i = 0; i < count; i++) {
            if (positions[i] < 0 || positions[i] >= valueCount) {
                throw new IndexOutOfBoundsException("row " + positions[i] + " of a vector of " + valueCount);
            }
        }
    }

    private static int row(int[] positions, int i) {
        return positions == null ? i : positions[i];
    }

    private static void readNulls(FieldVector vector, int[] positions, int count, boolean[] nulls) {
        if (vector.getNullCount() == 0) {
            return;
        }
        long validity = vector.getValidityBuffer().memoryAddress();
        for (int i = 0; i < count; i++) {
            int row = row(positions, i);
            nulls[i] = (MemoryUtil.getByte(validity + (row >>> 3)) & (1 << (row & 7))) == 0;
        }
    }

    private static void readLongs(FieldVector vector, int[] positions, int count, long[] out) {
        if (vector instanceof BitVector bits) {
            for (int i = 0; i < count; i++) {
                out[i] = org.apache.arrow.vector.BitVectorHelper.get(bits.getDataBuffer(), row(positions, i)); // NULL: any
            }
            return;
        }
        if (!(vector instanceof BaseFixedWidthVector fixed)) {
            throw new IllegalStateException("not an integer vector: " + vector.getClass().getSimpleName());
        }
        long data = fixed.getDataBuffer().memoryAddress();
        switch (vector) {
            case BigIntVector v -> readWords(data, positions, count, out);
            case TimeStampMicroVector v -> readWords(data, positions, count, out);
            case TimeMicroVector v -> readWords(data, positions, count, out);
            case IntVector v -> readInts(data, positions, count, out);
            case DateDayVector v -> readInts(data, positions, count, out);
            case SmallIntVector v -> {
                for (int i = 0; i < count; i++) {
                    out[i] = MemoryUtil.getShort(data + (long) row(positions, i) * 2);
                }
            }
            case TinyIntVector v -> {
                for (int i = 0; i < count; i++) {
                    out[i] = MemoryUtil.getByte(data + row(positions, i));
                }
            }
            default -> throw new IllegalStateException("not an integer vector: " + vector.getClass().getSimpleName());
        }
    }

    private static void readWords(long data, int[] positions, int count, long[] out) {
        if (positions == null) {
            for (int i = 0; i < count; i++) {
                out[i] = MemoryUtil.getLong(data + (long) i * 8);
            }
        } else {
            for (int i = 0; i < count; i++) {
                out[i] = MemoryUtil.getLong(data + (long) positions[i] * 8);
            }
        }
    }

    private static void readInts(long data, int[] positions, int count, long[] out) {
        if (positions == null) {
            for (int i = 0; i < count; i++) {
                out[i] = MemoryUtil.getInt(data + (long) i * 4);
            }
        } else {
            for (int i = 0; i < count; i++) {
                out[i] = MemoryUtil.getInt(data + (long) positions[i] * 4);
            }
        }
    }

    private static void readDoubles(FieldVector vector, int[] positions, int count, double[] out) {
        if (vector instanceof Float8Vector v) {
            long data = v.getDataBuffer().memoryAddress();
            for (int i = 0; i < count; i++) {
                out[i] = Double.longBitsToDouble(MemoryUtil.getLong(data + (long) row(positions, i) * 8));
            }
        } else if (vector instanceof Float4Vector v) {
            long data = v.getDataBuffer().memoryAddress();
            for (int i = 0; i < count; i++) {
                out[i] = Float.intBitsToFloat(MemoryUtil.getInt(data + (long) row(positions, i) * 4));
            }
        } else {
            throw new IllegalStateException("not a floating point vector: " + vector.getClass().getSimpleName());
        }
    }

    /**
     * The low 64 bits of each 128-bit value: the whole value when the precision is 18 or less. When it
     * is more ({@code wide}), the values are checked to fit a long; null when one does not.
     */
    private static long[] readLowWords(DecimalVector vector, int[] positions, int count, boolean[] nulls, boolean wide) {
        long[] values = new long[count];
        long data = vector.getDataBuffer().memoryAddress();
        for (int i = 0; i < count; i++) {
            if (!nulls[i]) {
                long address = data + (long) row(positions, i) * DecimalVector.TYPE_WIDTH;
                long low = MemoryUtil.getLong(address);
                if (wide && MemoryUtil.getLong(address + 8) != low >> 63) {
                    return null;
                }
                values[i] = low;
            }
        }
        return values;
    }

    private static void readUtf8(VarCharVector vector, int[] positions, int count, boolean[] nulls, Column column) {
        long offsets = vector.getOffsetBuffer().memoryAddress();
        long data = vector.getDataBuffer().memoryAddress();
        int[] starts = new int[count + 1];
        if (positions == null) {
            int first = MemoryUtil.getInt(offsets);
            int last = MemoryUtil.getInt(offsets + (long) count * 4);
            byte[] bytes = new byte[last - first];
            MemoryUtil.copyFromMemory(data + first, bytes, 0, bytes.length);
            for (int i = 0; i <= count; i++) {
                starts[i] = MemoryUtil.getInt(offsets + (long) i * 4) - first;
            }
            column.adoptUtf8(bytes, starts);
            return;
        }
        int total = 0;
        for (int i = 0; i < count; i++) {
            if (!nulls[i]) {
                long offset = offsets + (long) positions[i] * 4;
                total += MemoryUtil.getInt(offset + 4) - MemoryUtil.getInt(offset);
            }
        }
        byte[] bytes = new byte[total];
        int end = 0;
        for (int i = 0; i < count; i++) {
            starts[i] = end;
            if (!nulls[i]) {
                long offset = offsets + (long) positions[i] * 4;
                int start = MemoryUtil.getInt(offset);
                int length = MemoryUtil.getInt(offset + 4) - start;
                MemoryUtil.copyFromMemory(data + start, bytes, end, length);
                end += length;
            }
        }
        starts[count] = end;
        column.adoptUtf8(bytes, starts);
    }

    private static void readObjects(FieldVector vector, int[] positions, int count, boolean[] nulls, Object[] out) {
        for (int i = 0; i < count; i++) {
            if (nulls[i]) {
                continue;
            }
            int row = row(positions, i);
            out[i] = switch (vector) {
                case VarBinaryVector v -> v.get(row);
                case DecimalVector v -> readDecimal(v, row);
                default -> ArrowValues.get(vector, row);
            };
        }
    }

    /** Reads a 128-bit decimal without going through a byte array when it fits in a long (nearly always). */
    private static BigDecimal readDecimal(DecimalVector vector, int row) {
        long offset = (long) row * DecimalVector.TYPE_WIDTH;
        long low = vector.getDataBuffer().getLong(offset);
        long high = vector.getDataBuffer().getLong(offset + 8);
        if (high == (low >> 63)) {
            return BigDecimal.valueOf(low, vector.getScale());
        }
        return vector.getObject(row);
    }
}
