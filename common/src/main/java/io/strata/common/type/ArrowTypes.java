package io.strata.common.type;

import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

import java.util.List;
import java.util.Map;

/**
 * The one mapping from SQL types to Arrow vectors, shared by storage, execution and the frontend.
 * The SQL type travels in the field's metadata ({@value #SQL_TYPE_KEY}) so that a batch says what
 * it holds. DATETIME and TIMESTAMP are microseconds since the epoch without a zone (wall-clock time
 * of the session zone); TIME is microseconds since midnight; vectors are fixed-size lists.
 */
public final class ArrowTypes {
    public static final String SQL_TYPE_KEY = "strata.type";

    private ArrowTypes() {}

    public static ArrowType arrowType(DataType type) {
        return switch (type.kind()) {
            case NULL -> ArrowType.Null.INSTANCE;
            case BOOLEAN -> ArrowType.Bool.INSTANCE;
            case TINYINT -> new ArrowType.Int(8, true);
            case SMALLINT -> new ArrowType.Int(16, true);
            case INT -> new ArrowType.Int(32, true);
            case BIGINT -> new ArrowType.Int(64, true);
            case DECIMAL -> new ArrowType.Decimal(type.precision(), type.scale(), 128);
            case FLOAT -> new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
            case DOUBLE -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            case VARCHAR, CHAR, TEXT, JSON -> ArrowType.Utf8.INSTANCE;
            case VARBINARY, BLOB -> ArrowType.Binary.INSTANCE;
            case DATE -> new ArrowType.Date(DateUnit.DAY);
            case TIME -> new ArrowType.Time(TimeUnit.MICROSECOND, 64);
            case DATETIME, TIMESTAMP -> new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
            case VECF32, VECF64 -> new ArrowType.FixedSizeList(type.precision());
        };
    }

    /** An Arrow field for a column of the given SQL type, carrying the SQL type in its metadata. */
    public static Field field(String name, DataType type, boolean nullable) {
        FieldType fieldType = fieldType(type, nullable);
        List<Field> children = switch (type.kind()) {
            case VECF32 -> List.of(Field.notNullable("item", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)));
            case VECF64 -> List.of(Field.notNullable("item", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)));
            default -> null;
        };
        return new Field(name, fieldType, children);
    }

    private record FieldTypeKey(DataType type, boolean nullable) {}

    /**
     * Field types by SQL type and nullability: scans and lookups make fields for every batch, and a new
     * FieldType copies its metadata map. Few distinct types exist; past the bound they are made afresh.
     */
    private static final java.util.concurrent.ConcurrentHashMap<FieldTypeKey, FieldType> FIELD_TYPES =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_FIELD_TYPES = 4096;

    private static FieldType fieldType(DataType type, boolean nullable) {
        FieldTypeKey key = new FieldTypeKey(type, nullable);
        FieldType known = FIELD_TYPES.get(key);
        if (known != null) {
            return known;
        }
        FieldType made = new FieldType(nullable, arrowType(type), null, Map.of(SQL_TYPE_KEY, encode(type)));
        if (FIELD_TYPES.size() < MAX_FIELD_TYPES) {
            FIELD_TYPES.put(key, made);
        }
        return made;
    }

    /** The SQL type a field was made with by {@link #field}. */
    public static DataType sqlType(Field field) {
        Map<String, String> metadata = field.getMetadata();
        String encoded = metadata == null ? null : metadata.get(SQL_TYPE_KEY);
        if (encoded == null) {
            throw new IllegalStateException("field " + field.getName() + " carries no SQL type");
        }
        return decode(encoded);
    }

    static String encode(DataType type) {
        return type.kind().name() + ":" + type.precision() + ":" + type.scale();
    }

    /**
     * Decoded types by their text: a value read through {@link ArrowValues#get} asks for its field's type,
     * so decoding must not parse each time. Few distinct texts exist; past the bound they are parsed.
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, DataType> DECODED =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_DECODED = 4096;

    static DataType decode(String encoded) {
        DataType known = DECODED.get(encoded);
        if (known != null) {
            return known;
        }
        String[] parts = encoded.split(":");
        DataType type = new DataType(TypeKind.valueOf(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        if (DECODED.size() < MAX_DECODED) {
            DECODED.put(encoded, type);
        }
        return type;
    }
}
