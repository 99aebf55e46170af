package io.strata.compute.expression;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.type.ArrowTypes;
import io.strata.common.type.ArrowValues;
import io.strata.common.type.DataType;
import io.strata.common.type.TypeKind;
import org.apache.arrow.memory.BufferAllocator;
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
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Objects;

/**
 * The values of one column of a batch, decoded from Arrow into primitive arrays for computation
 * (a batch at a time, never a row at a time). Integer kinds, BOOLEAN and temporal kinds live in
 * {@link #longs()} (DATE: epoch days, TIME: microseconds of the day, DATETIME/TIMESTAMP: epoch
 * microseconds), FLOAT/DOUBLE in {@link #doubles()}, everything else in {@link #objects()}
 * (BigDecimal, String, byte[], float[], double[]). {@link #nulls()} marks SQL NULLs.
 * A column is a scratch buffer owned by one evaluation: it is mutable and not shared.
 */
public final class Column {
    /** How a type's values are held. */
    public enum Representation { LONG, DOUBLE, OBJECT }

    private final DataType type;
    private final int size;
    private final boolean[] nulls;
    private final long[] longs;
    private final double[] doubles;
    /** Allocated on first use: a DECIMAL held unscaled or a string held as UTF-8 may never need it. */
    private Object[] objects;
    /**
     * For a DECIMAL of precision 18 or less read from a vector or computed by a fast path: its values
     * unscaled at the type's scale, with {@link #objects} not filled yet. {@link #objects()} fills them
     * (and drops this), so code that reads or writes BigDecimals sees every value.
     */
    private long[] unscaled;
    /**
     * For a string read from a vector: its values as UTF-8, row {@code i} in bytes
     * {@code [utf8Starts[i], utf8Starts[i + 1])}, with {@link #objects} not filled yet (no String per
     * row until someone asks). {@link #objects()} fills them and drops these.
     */
    private byte[] utf8;
    private int[] utf8Starts;

    private Column(DataType type, int size) {
        this.type = Objects.requireNonNull(type, "type");
        this.size = size;
        this.nulls = new boolean[size];
        Representation representation = representation(type.kind());
        this.longs = representation == Representation.LONG ? new long[size] : null;
        this.doubles = representation == Representation.DOUBLE ? new double[size] : null;
        if (type.kind() == TypeKind.NULL) {
            java.util.Arrays.fill(nulls, true);
        }
    }

    private Column(DataType type, Column shared) {
        this.type = type;
        this.size = shared.size;
        this.nulls = shared.nulls;
        this.longs = shared.longs;
        this.doubles = shared.doubles;
        this.objects = shared.objects;
        this.unscaled = shared.unscaled;
        this.utf8 = shared.utf8;
        this.utf8Starts = shared.utf8Starts;
    }

    /**
     * This column's values seen as {@code newType}, sharing the arrays: only for types whose values
     * need no conversion (widening an integer, a string without a length limit). Neither may be
     * modified afterwards.
     */
    Column viewAs(DataType newType) {
        if (representation(newType.kind()) != representation()) {
            throw new IllegalArgumentException("cannot view " + type + " as " + newType);
        }
        if (objects == null && representation() == Representation.OBJECT) {
            objects = new Object[size]; // allocated before sharing, so both see values set later
        }
        return new Column(newType, this);
    }

    public static Representation representation(TypeKind kind) {
        return switch (kind) {
            case BOOLEAN, TINYINT, SMALLINT, INT, BIGINT, DATE, TIME, DATETIME, TIMESTAMP -> Representation.LONG;
            case FLOAT, DOUBLE -> Representation.DOUBLE;
            default -> Representation.OBJECT;
        };
    }

    /** A column of {@code size} rows, all zero / null objects and not NULL (except for the NULL type). */
    public static Column allocate(DataType type, int size) {
        return new Column(type, size);
    }

    public DataType type() { return type; }

    public int size() { return size; }

    public boolean[] nulls() { return nulls; }

    public long[] longs() { return longs; }

    public double[] doubles() { return doubles; }

    /**
     * The BigDecimal, String, byte[]... values (a DECIMAL held unscaled gets its BigDecimals now, a
     * string held as UTF-8 its Strings).
     */
    public Object[] objects() {
        if (objects == null && representation() == Representation.OBJECT) {
            objects = new Object[size];
        }
        byte[] bytes = utf8;
        if (bytes != null) {
            for (int i = 0; i < size; i++) {
                if (!nulls[i]) {
                    objects[i] = new String(bytes, utf8Starts[i], utf8Starts[i + 1] - utf8Starts[i], StandardCharsets.UTF_8);
                }
            }
            utf8 = null;
            utf8Starts = null;
        }
        long[] pending = unscaled;
        if (pending != null) {
            int scale = type.scale();
            for (int i = 0; i < size; i++) {
                if (!nulls[i]) {
                    objects[i] = BigDecimal.valueOf(pending[i], scale);
                }
            }
            unscaled = null;
        }
        return objects;
    }

    /**
     * A DECIMAL's values unscaled at its type's scale (value = unscaled / 10^scale), or null when they
     * are held as BigDecimals only. Read-only.
     */
    public long[] unscaled() { return unscaled; }

    /**
     * Whether DECIMAL values of {@code type} may be held unscaled in longs: any DECIMAL whose scale a
     * long can carry. Values of a precision above 18 are held so only while each fits in a long.
     */
    public static boolean fitsUnscaled(DataType type) {
        return type.kind() == TypeKind.DECIMAL && type.scale() <= MAX_UNSCALED_PRECISION;
    }

    /**
     * A string column's values as UTF-8 (row {@code i} is bytes {@code [utf8Starts()[i],
     * utf8Starts()[i + 1])}), or null when they are held as Strings only. Read-only.
     */
    public byte[] utf8() { return utf8; }

    /** See {@link #utf8()}. */
    public int[] utf8Starts() { return utf8Starts; }

    /** Holds this string column's values as UTF-8 bytes (adopted) instead of Strings. */
    void adoptUtf8(byte[] bytes, int[] starts) {
        utf8 = bytes;
        utf8Starts = starts;
    }

    /** Holds this DECIMAL column's values unscaled (adopted) instead of as BigDecimals. */
    void adoptUnscaled(long[] values) {
        unscaled = values;
    }

    /** A DECIMAL column of {@code type} over unscaled values and NULL flags, both adopted. */
    public static Column ofUnscaled(DataType type, long[] values, boolean[] nulls) {
        if (!fitsUnscaled(type)) {
            throw new IllegalArgumentException("not a DECIMAL of scale 18 or less: " + type);
        }
        Column column = new Column(type, values.length);
        System.arraycopy(nulls, 0, column.nulls, 0, values.length);
        column.unscaled = values;
        return column;
    }

    static final int MAX_UNSCALED_PRECISION = 18;

    public boolean isNull(int row) { return nulls[row]; }

    public Representation representation() { return representation(type.kind()); }

    /**
     * Decodes the first {@code size} rows of a vector made by {@link ArrowTypes#field} (its SQL type
     * is in its field); a vector without that metadata is read by the SQL type its Arrow type suggests.
     */
    public static Column read(FieldVector vector, int size) {
        return read(vector, FieldTypes.sqlType(vector.getField()), size);
    }

    /** Rows {@code positions[0..count)} of a vector (all of its first {@code count} rows when null). */
    public static Column read(FieldVector vector, int[] positions, int count) {
        return ColumnReader.read(vector, FieldTypes.sqlType(vector.getField()), positions, count);
    }

    /** Decodes the first {@code size} rows of {@code vector}, whose values are of SQL type {@code type}. */
    public static Column read(FieldVector vector, DataType type, int size) {
        return ColumnReader.read(vector, type, null, size);
    }

    /**
     * Decodes rows {@code positions[0..count)} of a vector (a selection vector's rows) into a column of
     * {@code count} rows, as {@link #read(FieldVector, DataType, int)} reads them.
     */
    public static Column read(FieldVector vector, DataType type, int[] positions, int count) {
        return ColumnReader.read(vector, type, positions, count);
    }

    /** Encodes all rows into a new vector named {@code name} (the caller closes it). */
    public FieldVector write(String name, BufferAllocator allocator) {
        return write(name, allocator, 0, size);
    }

    /** Encodes rows {@code [from, to)} into a new vector named {@code name} (the caller closes it). */
    public FieldVector write(String name, BufferAllocator allocator, int from, int to) {
        return write(ArrowTypes.field(name, type, true), allocator, from, to);
    }

    /** Encodes rows {@code [from, to)} into a new vector of {@code field}, which must be of this column's type. */
    public FieldVector write(org.apache.arrow.vector.types.pojo.Field field, BufferAllocator allocator, int from, int to) {
        FieldVector vector = field.createVector(allocator);
        try {
            int count = to - from;
            vector.setInitialCapacity(Math.max(count, 1));
            vector.allocateNew();
            if (unscaled != null && vector instanceof DecimalVector decimals && decimals.getScale() == type.scale()) {
                writeUnscaled(decimals, from, count);
                return vector;
            }
            if (utf8 != null && vector instanceof VarCharVector strings) {
                writeUtf8(strings, from, count);
                return vector;
            }
            if (writePrimitives(vector, from, count)) {
                vector.setValueCount(count);
                return vector;
            }
            objects(); // a DECIMAL held unscaled, written at another scale: as BigDecimals
            for (int i = 0; i < count; i++) {
                int row = from + i;
                if (nulls[row]) {
                    vector.setNull(i);
                } else {
                    writeValue(vector, i, row);
                }
            }
            vector.setValueCount(count);
            return vector;
        } catch (RuntimeException e) {
            vector.close();
            throw e;
        }
    }

    private void writeUtf8(VarCharVector vector, int from, int count) {
        int base = utf8Starts[from];
        int length = utf8Starts[from + count] - base;
        vector.allocateNew(Math.max(length, 1), Math.max(count, 1));
        vector.getDataBuffer().setBytes(0, utf8, base, length);
        org.apache.arrow.memory.ArrowBuf offsets = vector.getOffsetBuffer();
        org.apache.arrow.memory.ArrowBuf validity = vector.getValidityBuffer();
        for (int i = 0; i < count; i++) {
            offsets.setInt((long) (i + 1) * 4, utf8Starts[from + i + 1] - base);
            if (!nulls[from + i]) {
                org.apache.arrow.vector.BitVectorHelper.setBit(validity, i);
            }
        }
        vector.setLastSet(count - 1);
        vector.setValueCount(count);
    }

    /**
     * Writes long values into 8- and 4-byte integer, DATE and TIMESTAMP vectors and doubles into DOUBLE
     * vectors in one loop over the data buffer; false for the vectors that go value by value.
     */
    private boolean writePrimitives(FieldVector vector, int from, int count) {
        boolean wideLongs = vector instanceof BigIntVector || vector instanceof TimeStampMicroVector;
        boolean narrowLongs = vector instanceof IntVector || vector instanceof DateDayVector;
        boolean writable = longs != null ? wideLongs || narrowLongs : doubles != null && vector instanceof Float8Vector;
        if (!writable) {
            return false;
        }
        org.apache.arrow.vector.BaseFixedWidthVector fixed = (org.apache.arrow.vector.BaseFixedWidthVector) vector;
        org.apache.arrow.memory.ArrowBuf data = fixed.getDataBuffer();
        for (int i = 0; i < count; i++) {
            int row = from + i;
            if (nulls[row]) {
                fixed.setNull(i);
                continue;
            }
            org.apache.arrow.vector.BitVectorHelper.setBit(fixed.getValidityBuffer(), i);
            if (longs == null) {
                data.setDouble((long) i * Double.BYTES, doubles[row]);
            } else if (wideLongs) {
                data.setLong((long) i * Long.BYTES, longs[row]);
            } else {
                data.setInt((long) i * Integer.BYTES, (int) longs[row]);
            }
        }
        return true;
    }

    private void writeValue(FieldVector vector, int index, int row) {
        switch (vector) {
            case BigIntVector v -> v.setSafe(index, longs[row]);
            case IntVector v -> v.setSafe(index, (int) longs[row]);
            case SmallIntVector v -> v.setSafe(index, (short) longs[row]);
            case TinyIntVector v -> v.setSafe(index, (byte) longs[row]);
            case BitVector v -> v.setSafe(index, longs[row] != 0 ? 1 : 0);
            case DateDayVector v -> v.setSafe(index, (int) longs[row]);
            case TimeStampMicroVector v -> v.setSafe(index, longs[row]);
            case TimeMicroVector v -> v.setSafe(index, longs[row]);
            case Float8Vector v -> v.setSafe(index, doubles[row]);
            case Float4Vector v -> v.setSafe(index, (float) doubles[row]);
            case VarCharVector v -> v.setSafe(index, ((String) objects[row]).getBytes(StandardCharsets.UTF_8));
            case VarBinaryVector v -> v.setSafe(index, (byte[]) objects[row]);
            case DecimalVector v -> writeDecimal(v, index, fitDecimal((BigDecimal) objects[row], type));
            default -> ArrowValues.set(vector, index, objects[row]);
        }
    }

    private void writeUnscaled(DecimalVector vector, int from, int count) {
        // A long has at most 19 digits: only a precision of 18 or less can be exceeded.
        long limit = vector.getPrecision() <= MAX_UNSCALED_PRECISION ? LONG_POWERS_OF_TEN[vector.getPrecision()] : Long.MAX_VALUE;
        for (int i = 0; i < count; i++) {
            int row = from + i;
            if (nulls[row]) {
                vector.setNull(i);
            } else {
                long value = unscaled[row];
                if (limit != Long.MAX_VALUE && (value >= limit || value <= -limit)) {
                    throw new StrataException(ErrorCode.ER_DATA_OUT_OF_RANGE, "DECIMAL value is out of range for "
                            + type.toSql());
                }
                vector.set(i, value);
            }
        }
        vector.setValueCount(count);
    }

    /** 10^0 .. 10^18. */
    static final long[] LONG_POWERS_OF_TEN = new long[MAX_UNSCALED_PRECISION + 1];

    static {
        LONG_POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < LONG_POWERS_OF_TEN.length; i++) {
            LONG_POWERS_OF_TEN[i] = LONG_POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private static void writeDecimal(DecimalVector vector, int index, BigDecimal scaled) {
        if (scaled.precision() <= 18) {
            vector.setSafe(index, scaled.unscaledValue().longValue());
        } else {
            vector.setSafe(index, scaled);
        }
    }

    /** {@code value} at {@code type}'s scale; a value with more integer digits than the type allows is an error. */
    static BigDecimal fitDecimal(BigDecimal value, DataType type) {
        BigDecimal scaled = value.scale() == type.scale() ? value : value.setScale(type.scale(), RoundingMode.HALF_UP);
        if (scaled.precision() - scaled.scale() > type.precision() - type.scale() && scaled.signum() != 0) {
            throw new StrataException(ErrorCode.ER_DATA_OUT_OF_RANGE, "DECIMAL value is out of range for " + type.toSql());
        }
        return scaled;
    }

    /** The value at {@code row} as the Java class {@link DataType} names, or null. */
    public Object get(int row) {
        if (nulls[row]) {
            return null;
        }
        if (unscaled != null) {
            return BigDecimal.valueOf(unscaled[row], type.scale());
        }
        byte[] bytes = utf8;
        if (bytes != null) {
            return new String(bytes, utf8Starts[row], utf8Starts[row + 1] - utf8Starts[row], StandardCharsets.UTF_8);
        }
        return switch (representation()) {
            case LONG -> toJava(longs[row], type.kind());
            case DOUBLE -> doubles[row];
            case OBJECT -> objects()[row];
        };
    }

    /** Sets {@code row} to a Java value of the class {@link DataType} names for this column's type. */
    public void set(int row, Object value) {
        if (value == null) {
            nulls[row] = true;
            return;
        }
        nulls[row] = false;
        switch (representation()) {
            case LONG -> longs[row] = toLong(value);
            case DOUBLE -> doubles[row] = ((Number) value).doubleValue();
            case OBJECT -> objects()[row] = value;
        }
    }

    /** A column of {@code size} copies of a Java value of the class {@link DataType} names. */
    public static Column constant(Object value, DataType type, int size) {
        if (value instanceof BigDecimal decimal && fitsUnscaled(type) && decimal.scale() <= type.scale()
                && decimal.precision() - decimal.scale() <= Math.min(type.precision(), MAX_UNSCALED_PRECISION) - type.scale()) {
            long[] values = new long[size];
            java.util.Arrays.fill(values, decimal.setScale(type.scale()).unscaledValue().longValueExact());
            return ofUnscaled(type, values, new boolean[size]);
        }
        Column column = new Column(type, size);
        if (value == null) {
            java.util.Arrays.fill(column.nulls, true);
            return column;
        }
        switch (column.representation()) {
            case LONG -> java.util.Arrays.fill(column.longs, toLong(value));
            case DOUBLE -> java.util.Arrays.fill(column.doubles, ((Number) value).doubleValue());
            case OBJECT -> java.util.Arrays.fill(column.objects(), value);
        }
        return column;
    }

    /** A column holding Java values of the classes {@link DataType} names. */
    public static Column fromValues(DataType type, Object[] values) {
        Column column = new Column(type, values.length);
        for (int i = 0; i < values.length; i++) {
            column.set(i, values[i]);
        }
        return column;
    }

    private static Object toJava(long value, TypeKind kind) {
        return switch (kind) {
            case BOOLEAN -> value != 0;
            case DATE -> LocalDate.ofEpochDay(value);
            case TIME -> LocalTime.ofNanoOfDay(value * 1000L);
            case DATETIME, TIMESTAMP -> ArrowValues.microsToDateTime(value);
            default -> value;
        };
    }

    private static long toLong(Object value) {
        return switch (value) {
            case Boolean b -> b ? 1 : 0;
            case LocalDate d -> d.toEpochDay();
            case LocalTime t -> t.toNanoOfDay() / 1000L;
            case LocalDateTime dt -> ArrowValues.dateTimeToMicros(dt);
            case Number n -> n.longValue();
            default -> throw new IllegalArgumentException("not an integer or temporal value: " + value.getClass());
        };
    }
}
