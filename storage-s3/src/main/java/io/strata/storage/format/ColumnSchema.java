package io.strata.storage.format;

import io.strata.common.type.ArrowTypes;
import io.strata.common.type.DataType;
import org.apache.arrow.vector.types.pojo.Field;

import java.util.Objects;

/** A column of a data object: its name, SQL type and nullability, as the footer stores them. */
public record ColumnSchema(String name, DataType type, boolean nullable) {
    public ColumnSchema {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    public static ColumnSchema of(Field field) {
        return new ColumnSchema(field.getName(), ArrowTypes.sqlType(field), field.isNullable());
    }

    public Field field() {
        return ArrowTypes.field(name, type, nullable);
    }

    /** Whether min/max are kept for this column (types with a total order that pruning can use). */
    public boolean orderable() {
        return switch (type.kind()) {
            case BOOLEAN, TINYINT, SMALLINT, INT, BIGINT, DECIMAL, FLOAT, DOUBLE, VARCHAR, CHAR, TEXT,
                 DATE, TIME, DATETIME, TIMESTAMP -> true;
            default -> false;
        };
    }
}
