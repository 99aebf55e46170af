package io.strata.txn.checkpoint;

import io.strata.common.type.ArrowTypes;
import io.strata.common.type.DataType;
import io.strata.txn.TableSnapshot;
import io.strata.txn.catalog.ColumnDefinition;
import io.strata.txn.catalog.TableDefinition;
import org.apache.arrow.vector.types.pojo.Field;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns of the objects a flush writes. A data object holds the table's columns, then the row id
 * and the commit timestamp; a tombstone object holds the deleted row id and the delete's commit timestamp.
 */
public final class HiddenColumns {
    public static final String COMMIT_TS = "__commit_ts";
    public static final Field ROW_ID_FIELD = ArrowTypes.field(TableSnapshot.ROW_ID_COLUMN, DataType.BIGINT, false);
    public static final Field COMMIT_TS_FIELD = ArrowTypes.field(COMMIT_TS, DataType.BIGINT, false);
    public static final List<Field> TOMBSTONE_FIELDS = List.of(ROW_ID_FIELD, COMMIT_TS_FIELD);

    private HiddenColumns() {}

    public static List<Field> tableFields(TableDefinition table) {
        List<Field> fields = new ArrayList<>(table.columns().size());
        for (ColumnDefinition column : table.columns()) {
            fields.add(ArrowTypes.field(column.name(), column.type(), column.nullable()));
        }
        return fields;
    }

    public static List<Field> dataObjectFields(TableDefinition table) {
        List<Field> fields = tableFields(table);
        fields.add(ROW_ID_FIELD);
        fields.add(COMMIT_TS_FIELD);
        return fields;
    }
}
