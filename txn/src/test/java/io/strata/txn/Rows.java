package io.strata.txn;

import io.strata.common.type.ArrowTypes;
import io.strata.common.type.ArrowValues;
import io.strata.txn.catalog.ColumnDefinition;
import io.strata.txn.catalog.TableDefinition;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.ArrayList;
import java.util.List;

/** Test helpers: build batches from Java values and read scans back as rows. */
final class Rows {
    private Rows() {}

    static VectorSchemaRoot batch(TableDefinition table, BufferAllocator allocator, Object[]... rows) {
        List<Field> fields = new ArrayList<>();
        for (ColumnDefinition column : table.columns()) {
            fields.add(ArrowTypes.field(column.name(), column.type(), column.nullable()));
        }
        VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(fields), allocator);
        root.allocateNew();
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < fields.size(); c++) {
                ArrowValues.set(root.getVector(c), r, rows[r][c]);
            }
        }
        root.setRowCount(rows.length);
        return root;
    }

    /** All rows of a full scan (all columns, plus the row id last if asked), in scan order. */
    static List<List<Object>> scan(Transaction txn, String database, String table, boolean withRowId) {
        TableSnapshot snapshot = txn.table(database, table);
        int[] columns = new int[snapshot.definition().columns().size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = i;
        }
        List<List<Object>> result = new ArrayList<>();
        try (BatchReader reader = snapshot.scan(columns, withRowId)) {
            VectorSchemaRoot batch;
            while ((batch = reader.next()) != null) {
                for (int r = 0; r < batch.getRowCount(); r++) {
                    List<Object> row = new ArrayList<>();
                    for (FieldVector vector : batch.getFieldVectors()) {
                        row.add(ArrowValues.get(vector, r));
                    }
                    result.add(row);
                }
            }
        }
        return result;
    }

    /** The values of column 0 (e.g. the ids) of a full scan, sorted. */
    static List<Long> ids(Transaction txn, String database, String table) {
        return scan(txn, database, table, false).stream().map(row -> (Long) row.get(0)).sorted().toList();
    }
}
