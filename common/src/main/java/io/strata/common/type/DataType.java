package io.strata.common.type;

import java.util.Objects;

/**
 * A SQL type with its parameters: {@code precision} is DECIMAL's precision, the length of
 * VARCHAR/CHAR, the fractional seconds of DATETIME/TIMESTAMP/TIME, or the dimension of a vector;
 * {@code scale} is DECIMAL's scale. Unused parameters are 0.
 *
 * <p>Values in Java (literals, parameters, result rows) use: {@code Long} for integer kinds,
 * {@code Boolean} for BOOLEAN, {@code BigDecimal} for DECIMAL, {@code Double} for FLOAT/DOUBLE,
 * {@code String} for text kinds and JSON, {@code byte[]} for binary kinds, {@code LocalDate},
 * {@code LocalTime} (TIME), {@code LocalDateTime} (DATETIME and TIMESTAMP, in the session zone),
 * {@code float[]}/{@code double[]} for vectors, and {@code null} for SQL NULL.
 */
public record DataType(TypeKind kind, int precision, int scale) {
    public static final int MAX_DECIMAL_PRECISION = 38;

    public static final DataType NULL = new DataType(TypeKind.NULL, 0, 0);
    public static final DataType BOOLEAN = new DataType(TypeKind.BOOLEAN, 0, 0);
    public static final DataType TINYINT = new DataType(TypeKind.TINYINT, 0, 0);
    public static final DataType SMALLINT = new DataType(TypeKind.SMALLINT, 0, 0);
    public static final DataType INT = new DataType(TypeKind.INT, 0, 0);
    public static final DataType BIGINT = new DataType(TypeKind.BIGINT, 0, 0);
    public static final DataType FLOAT = new DataType(TypeKind.FLOAT, 0, 0);
    public static final DataType DOUBLE = new DataType(TypeKind.DOUBLE, 0, 0);
    public static final DataType TEXT = new DataType(TypeKind.TEXT, 0, 0);
    public static final DataType BLOB = new DataType(TypeKind.BLOB, 0, 0);
    public static final DataType DATE = new DataType(TypeKind.DATE, 0, 0);
    public static final DataType TIME = new DataType(TypeKind.TIME, 0, 0);
    public static final DataType DATETIME = new DataType(TypeKind.DATETIME, 0, 0);
    public static final DataType TIMESTAMP = new DataType(TypeKind.TIMESTAMP, 0, 0);
    public static final DataType JSON = new DataType(TypeKind.JSON, 0, 0);

    public DataType {
        Objects.requireNonNull(kind, "kind");
        if (precision < 0 || scale < 0) {
            throw new IllegalArgumentException("negative type parameter: " + precision + "," + scale);
        }
        if (kind == TypeKind.DECIMAL && (precision < 1 || precision > MAX_DECIMAL_PRECISION || scale > precision)) {
            throw new IllegalArgumentException("bad DECIMAL(" + precision + "," + scale + ")");
        }
    }

    public static DataType decimal(int precision, int scale) {
        return new DataType(TypeKind.DECIMAL, precision, scale);
    }

    public static DataType varchar(int length) {
        return new DataType(TypeKind.VARCHAR, length, 0);
    }

    public static DataType datetime(int fractionalDigits) {
        return new DataType(TypeKind.DATETIME, fractionalDigits, 0);
    }

    public static DataType vecf32(int dimension) {
        return new DataType(TypeKind.VECF32, dimension, 0);
    }

    public static DataType vecf64(int dimension) {
        return new DataType(TypeKind.VECF64, dimension, 0);
    }

    /** The type as MySQL's {@code SHOW CREATE TABLE} and {@code DESCRIBE} print it, e.g. {@code decimal(10,2)}. */
    public String toSql() {
        return switch (kind) {
            case NULL -> "null";
            case BOOLEAN -> "tinyint(1)";
            case TINYINT -> "tinyint";
            case SMALLINT -> "smallint";
            case INT -> "int";
            case BIGINT -> "bigint";
            case DECIMAL -> "decimal(" + precision + "," + scale + ")";
            case FLOAT -> "float";
            case DOUBLE -> "double";
            case VARCHAR -> "varchar(" + precision + ")";
            case CHAR -> "char(" + precision + ")";
            case TEXT -> "text";
            case VARBINARY -> "varbinary(" + precision + ")";
            case BLOB -> "blob";
            case DATE -> "date";
            case TIME -> precision == 0 ? "time" : "time(" + precision + ")";
            case DATETIME -> precision == 0 ? "datetime" : "datetime(" + precision + ")";
            case TIMESTAMP -> precision == 0 ? "timestamp" : "timestamp(" + precision + ")";
            case JSON -> "json";
            case VECF32 -> "vecf32(" + precision + ")";
            case VECF64 -> "vecf64(" + precision + ")";
        };
    }

    @Override
    public String toString() {
        return toSql();
    }
}
