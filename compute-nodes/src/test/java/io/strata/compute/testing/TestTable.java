package io.strata.compute.testing;

import io.strata.common.type.ArrowTypes;
import io.strata.common.type.DataType;
import io.strata.compute.batch.BatchBuilder;
import io.strata.txn.BatchReader;
import io.strata.txn.TableSnapshot;
import io.strata.txn.catalog.ColumnDefinition;
import io.strata.txn.catalog.TableDefinition;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test scaffolding for the scan seam: a table snapshot over rows held in memory, served in small batches. */
public final class TestTable implements TableSnapshot {
    private final TableDefinition definition;
    private final List<Object[]> rows;
    private final int batchRows;
    private final BufferAllocator allocator;
    private final java.util.concurrent.atomic.AtomicInteger batchesServed = new java.util.concurrent.atomic.AtomicInteger();

    public TestTable(BufferAllocator allocator, List<ColumnDefinition> columns, List<Object[]> rows, int batchRows) {
        this.allocator = allocator;
        this.definition = new TableDefinition(1, "test", "t", columns, List.of(), "");
        this.rows = List.copyOf(rows);
        this.batchRows = batchRows;
    }

    public static ColumnDefinition column(String name, DataType type) {
        return new ColumnDefinition(name, type, true, null, false);
    }

    /** How many batches all scans together returned. */
    public int batchesServed() {
        return batchesServed.get();
    }

    @Override
    public TableDefinition definition() {
        return definition;
    }

    @Override
    public long estimatedRowCount() {
        return rows.size();
    }

    @Override
    public BatchReader scan(int[] columns, boolean withRowId) {
        return scan(columns, withRowId, List.of(), 0, 1);
    }

    /** Part {@code partition} of the batches: every {@code partitions}-th batch of {@code batchRows} rows. */
    @Override
    public BatchReader scan(int[] columns, boolean withRowId, List<io.strata.txn.ColumnRange> ranges, int partition,
                            int partitions) {
        List<Field> fields = new ArrayList<>();
        for (int column : columns) {
            ColumnDefinition definition = this.definition.columns().get(column);
            fields.add(ArrowTypes.field(definition.name(), definition.type(), true));
        }
        if (withRowId) {
            fields.add(ArrowTypes.field(ROW_ID_COLUMN, DataType.BIGINT, false));
        }
        return new BatchReader() {
            private int position = partition * batchRows;
            private VectorSchemaRoot current;

            @Override
            public VectorSchemaRoot next() {
                close();
                if (position >= rows.size()) {
                    return null;
                }
                int end = Math.min(rows.size(), position + batchRows);
                List<Object[]> slice = new ArrayList<>();
                for (int r = position; r < end; r++) {
                    Object[] row = rows.get(r);
                    Object[] projected = new Object[fields.size()];
                    for (int c = 0; c < columns.length; c++) {
                        projected[c] = row[columns[c]];
                    }
                    if (withRowId) {
                        projected[columns.length] = (long) r;
                    }
                    slice.add(projected);
                }
                position = end + (partitions - 1) * batchRows;
                batchesServed.incrementAndGet();
                current = BatchBuilder.build(allocator, fields, slice);
                return current;
            }

            @Override
            public void close() {
                if (current != null) {
                    current.close();
                    current = null;
                }
            }
        };
    }

    @Override
    public String toString() {
        return "TestTable" + Arrays.toString(definition.columns().toArray());
    }
}
