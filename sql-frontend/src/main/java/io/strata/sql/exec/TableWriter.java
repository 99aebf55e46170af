package io.strata.sql.exec;

import io.strata.common.type.ArrowTypes;
import io.strata.compute.batch.BatchBuilder;
import io.strata.txn.catalog.ColumnDefinition;
import io.strata.txn.catalog.TableDefinition;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;

import java.util.ArrayList;
import java.util.List;

/** Writes rows of Java values into a table through the transaction, as one Arrow batch of the table's columns. */
final class TableWriter {
    private TableWriter() {}

    /**
     * Converts {@code rows} to the table's column types (failing on bad values and NULLs in NOT NULL
     * columns); the caller closes the batch. Building before writing keeps a failed statement from
     * leaving half its changes in the transaction.
     */
    static VectorSchemaRoot batch(StatementContext context, TableDefinition table, List<Object[]> rows) {
        List<Field> fields = new ArrayList<>(table.columns().size());
        for (ColumnDefinition column : table.columns()) {
            fields.add(ArrowTypes.field(column.name(), column.type(), column.nullable()));
        }
        return BatchBuilder.build(context.allocator(), fields, rows);
    }

    static void insert(StatementContext context, TableDefinition table, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (VectorSchemaRoot batch = batch(context, table, rows)) {
            context.transaction().insert(table.tableId(), batch);
        }
    }
}
