package io.strata.common.type;

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
import org.apache.arrow.vector.complex.FixedSizeListVector;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Reads and writes single values of vectors made by {@link ArrowTypes#field}, as the Java classes
 * listed in {@link DataType}. For boundaries (results to the protocol, literals, rows of INSERT) and
 * tests, not for hot loops, which work on the vectors directly.
 */
public final class ArrowValues {
    private ArrowValues() {}

    /** The value at {@code row}, or null. */
    public static Object get(FieldVector vector, int row) {
        return vector.isNull(row) ? null : get(vector, row, ArrowTypes.sqlType(vector.getField()));
    }

    /** Like {@link #get(FieldVector, int)} with the column's {@code type} known (loops over many rows ask once). */
    public static Object get(FieldVector vector, int row, DataType type) {
        if (vector.isNull(row)) {
            return null;
        }
        return switch (type.kind()) {
            case NULL -> null;
            case BOOLEAN -> ((BitVector) vector).get(row) != 0;
            case TINYINT -> (long) ((TinyIntVector) vector).get(row);
            case SMALLINT -> (long) ((SmallIntVector) vector).get(row);
            case INT -> (long) ((IntVector) vector).get(row);
            case BIGINT -> ((BigIntVector) vector).get(row);
            case DECIMAL -> ((DecimalVector) vector).getObject(row);
            case FLOAT -> (double) ((Float4Vector) vector).get(row);
            case DOUBLE -> ((Float8Vector) vector).get(row);
            case VARCHAR, CHAR, TEXT, JSON -> new String(((VarCharVector) vector).get(row), StandardCharsets.UTF_8);
            case VARBINARY, BLOB -> ((VarBinaryVector) vector).get(row);
            case DATE -> LocalDate.ofEpochDay(((DateDayVector) vector).get(row));
            case TIME -> LocalTime.ofNanoOfDay(((TimeMicroVector) vector).get(row) * 1000L);
            case DATETIME, TIMESTAMP -> microsToDateTime(((TimeStampMicroVector) vector).get(row));
            case VECF32 -> readFloats((FixedSizeListVector) vector, row);
            case VECF64 -> readDoubles((FixedSizeListVector) vector, row);
        };
    }

    /**
     * Sets {@code row} to {@code value} (null sets NULL). The value must already be of the class the
     * column's type uses; a {@code Long} for a DECIMAL or DOUBLE column is accepted and widened.
     */
    public static void set(FieldVector vector, int row, Object value) {
        if (value == null) {
            setNull(vector, row);
            return;
        }
        DataType type = ArrowTypes.sqlType(vector.getField());
        switch (type.kind()) {
            case NULL -> vector.setNull(row);
            case BOOLEAN -> ((BitVector) vector).setSafe(row, asBoolean(value) ? 1 : 0);
            case TINYINT -> ((TinyIntVector) vector).setSafe(row, (byte) asLong(value));
            case SMALLINT -> ((SmallIntVector) vector).setSafe(row, (short) asLong(value));
            case INT -> ((IntVector) vector).setSafe(row, Math.toIntExact(asLong(value)));
            case BIGINT -> ((BigIntVector) vector).setSafe(row, asLong(value));
            case DECIMAL -> ((DecimalVector) vector).setSafe(row, asDecimal(value).setScale(type.scale(), RoundingMode.HALF_UP));
            case FLOAT -> ((Float4Vector) vector).setSafe(row, (float) asDouble(value));
            case DOUBLE -> ((Float8Vector) vector).setSafe(row, asDouble(value));
            case VARCHAR, CHAR, TEXT, JSON -> ((VarCharVector) vector).setSafe(row, value.toString().getBytes(StandardCharsets.UTF_8));
            case VARBINARY, BLOB -> ((VarBinaryVector) vector).setSafe(row, (byte[]) value);
            case DATE -> ((DateDayVector) vector).setSafe(row, Math.toIntExact(((LocalDate) value).toEpochDay()));
            case TIME -> ((TimeMicroVector) vector).setSafe(row, ((LocalTime) value).toNanoOfDay() / 1000L);
            case DATETIME, TIMESTAMP -> ((TimeStampMicroVector) vector).setSafe(row, dateTimeToMicros((LocalDateTime) value));
            case VECF32 -> writeFloats((FixedSizeListVector) vector, row, (float[]) value);
            case VECF64 -> writeDoubles((FixedSizeListVector) vector, row, (double[]) value);
        }
    }

    public static long dateTimeToMicros(LocalDateTime value) {
        return ChronoUnit.MICROS.between(LocalDateTime.of(1970, 1, 1, 0, 0), value);
    }

    public static LocalDateTime microsToDateTime(long micros) {
        long seconds = Math.floorDiv(micros, 1_000_000L);
        int nanos = (int) Math.floorMod(micros, 1_000_000L) * 1000;
        return LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
    }

    private static void setNull(FieldVector vector, int row) {
        if (vector instanceof FixedSizeListVector list) {
            list.setNull(row);
            return;
        }
        // setNull does not grow the vector; make room first so any row index is accepted.
        while (vector.getValueCapacity() <= row) {
            vector.reAlloc();
        }
        vector.setNull(row);
    }

    private static boolean asBoolean(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        return asLong(value) != 0;
    }

    private static long asLong(Object value) {
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return ((Number) value).longValue();
    }

    private static double asDouble(Object value) {
        return ((Number) value).doubleValue();
    }

    private static BigDecimal asDecimal(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue());
        }
        return BigDecimal.valueOf(asLong(value));
    }

    private static float[] readFloats(FixedSizeListVector vector, int row) {
        Float4Vector items = (Float4Vector) vector.getDataVector();
        int dimension = vector.getListSize();
        float[] result = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            result[i] = items.get(row * dimension + i);
        }
        return result;
    }

    private static double[] readDoubles(FixedSizeListVector vector, int row) {
        Float8Vector items = (Float8Vector) vector.getDataVector();
        int dimension = vector.getListSize();
        double[] result = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            result[i] = items.get(row * dimension + i);
        }
        return result;
    }

    private static void writeFloats(FixedSizeListVector vector, int row, float[] values) {
        int dimension = vector.getListSize();
        if (values.length != dimension) {
            throw new IllegalArgumentException("expected " + dimension + " dimensions, got " + values.length);
        }
        int slot = vector.startNewValue(row);
        Float4Vector items = (Float4Vector) vector.getDataVector();
        for (int i = 0; i < dimension; i++) {
            items.setSafe(slot + i, values[i]);
        }
    }

    private static void writeDoubles(FixedSizeListVector vector, int row, double[] values) {
        int dimension = vector.getListSize();
        if (values.length != dimension) {
            throw new IllegalArgumentException("expected " + dimension + " dimensions, got " + values.length);
        }
        int slot = vector.startNewValue(row);
        Float8Vector items = (Float8Vector) vector.getDataVector();
        for (int i = 0; i < dimension; i++) {
            items.setSafe(slot + i, values[i]);
        }
    }
}
