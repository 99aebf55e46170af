package io.strata.compute.expression;

import io.strata.common.type.ArrowTypes;
import io.strata.common.type.DataType;
import io.strata.common.type.TypeKind;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

import java.util.Map;

/** The SQL type of an Arrow field, read from its metadata or, lacking that, guessed from its Arrow type. */
public final class FieldTypes {
    private FieldTypes() {}

    /** The SQL type a field carries, or the one its Arrow type suggests when it carries none. */
    public static DataType sqlType(Field field) {
        Map<String, String> metadata = field.getMetadata();
        if (metadata != null && metadata.containsKey(ArrowTypes.SQL_TYPE_KEY)) {
            return ArrowTypes.sqlType(field);
        }
        return switch (field.getType()) {
            case ArrowType.Bool b -> DataType.BOOLEAN;
            case ArrowType.Int i -> switch (i.getBitWidth()) {
                case 8 -> DataType.TINYINT;
                case 16 -> DataType.SMALLINT;
                case 32 -> DataType.INT;
                default -> DataType.BIGINT;
            };
            case ArrowType.Decimal d -> DataType.decimal(d.getPrecision(), d.getScale());
            case ArrowType.FloatingPoint f ->
                    f.getPrecision() == FloatingPointPrecision.SINGLE ? DataType.FLOAT : DataType.DOUBLE;
            case ArrowType.Utf8 u -> DataType.TEXT;
            case ArrowType.Binary b -> DataType.BLOB;
            case ArrowType.Date d -> DataType.DATE;
            case ArrowType.Time t -> new DataType(TypeKind.TIME, 6, 0);
            case ArrowType.Timestamp t -> DataType.datetime(6);
            case ArrowType.Null n -> DataType.NULL;
            default -> throw new IllegalStateException("field " + field.getName() + " has no SQL type and an unknown Arrow type "
                    + field.getType());
        };
    }

}
