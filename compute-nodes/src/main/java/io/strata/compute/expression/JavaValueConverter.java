package io.strata.compute.expression;

import io.strata.common.type.DataType;
import io.strata.common.type.TypeKind;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Converts single Java values (literals, bound parameters, rows of INSERT ... VALUES) to the Java
 * class {@link DataType} names for a target type, with the same rules as {@link ColumnCaster}.
 */
public final class JavaValueConverter {
    private JavaValueConverter() {}

    /** CAST semantics: {@code '12'} to INT is 12, {@code 'abc'} to INT is 0, {@code 'x'} to DATE is null. */
    public static Object convert(Object value, DataType target) {
        if (value == null) {
            return null;
        }
        return ColumnCaster.cast(single(value), target).get(0);
    }

    /** Strict store semantics for column {@code columnName} at 1-based row {@code rowNumber}. */
    public static Object convertForColumn(Object value, DataType target, String columnName, long rowNumber) {
        if (value == null) {
            return null;
        }
        return ColumnCaster.castForColumn(single(value), target, columnName, rowNumber).get(0);
    }

    private static Column single(Object value) {
        DataType type = typeOf(value);
        return Column.fromValues(type, new Object[] {normalize(value)});
    }

    /** The SQL type a Java value naturally has. */
    public static DataType typeOf(Object value) {
        return switch (value) {
            case Boolean b -> DataType.BOOLEAN;
            case Long l -> DataType.BIGINT;
            case Integer i -> DataType.BIGINT;
            case Short s -> DataType.BIGINT;
            case Byte b -> DataType.BIGINT;
            case BigInteger b -> decimalType(new BigDecimal(b));
            case BigDecimal d -> decimalType(d);
            case Double d -> DataType.DOUBLE;
            case Float f -> DataType.DOUBLE;
            case String s -> DataType.TEXT;
            case Character c -> DataType.TEXT;
            case byte[] b -> DataType.BLOB;
            case LocalDate d -> DataType.DATE;
            case LocalDateTime dt -> DataType.datetime(6);
            case LocalTime t -> new DataType(TypeKind.TIME, 6, 0);
            case java.sql.Timestamp t -> DataType.datetime(6);
            case java.sql.Date d -> DataType.DATE;
            case java.sql.Time t -> new DataType(TypeKind.TIME, 6, 0);
            case float[] f -> DataType.vecf32(f.length);
            case double[] d -> DataType.vecf64(d.length);
            default -> throw new IllegalArgumentException("unsupported Java value class: " + value.getClass().getName());
        };
    }

    private static DataType decimalType(BigDecimal value) {
        BigDecimal normalized = value.scale() < 0 ? value.setScale(0) : value;
        int scale = Math.min(normalized.scale(), DataType.MAX_DECIMAL_PRECISION);
        int precision = Math.max(normalized.precision(), scale);
        if (precision > DataType.MAX_DECIMAL_PRECISION) {
            return DataType.decimal(DataType.MAX_DECIMAL_PRECISION, Math.max(0, scale - (precision - DataType.MAX_DECIMAL_PRECISION)));
        }
        return DataType.decimal(Math.max(precision, 1), scale);
    }

    private static Object normalize(Object value) {
        return switch (value) {
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case Float f -> Double.parseDouble(f.toString());
            case BigInteger b -> new BigDecimal(b);
            case BigDecimal d -> d.scale() < 0 ? d.setScale(0) : d;
            case Character c -> c.toString();
            case java.sql.Timestamp t -> t.toLocalDateTime();
            case java.sql.Date d -> d.toLocalDate();
            case java.sql.Time t -> t.toLocalTime();
            default -> value;
        };
    }
}
