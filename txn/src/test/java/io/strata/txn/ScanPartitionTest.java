package io.strata.txn;

import io.strata.common.type.DataType;
import io.strata.txn.catalog.ColumnDefinition;
import io.strata.txn.catalog.TableDefinition;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Parts of a scan for parallel workers: disjoint, together every visible row, over objects (several
 * blocks), logtail segments, committed deletes and the transaction's own inserts and deletes.
 */
class ScanPartitionTest extends NodeTestBase {
    private static final TableDefinition ITEMS = new TableDefinition(0, "shop", "items",
            List.of(new ColumnDefinition("id", DataType.BIGINT, false, null, false)), List.of(0), "");

    private static Object[][] ids(long from, long to) {
        return LongStream.range(from, to).mapToObj(id -> new Object[] {id}).toArray(Object[][]::new);
    }

    private static List<Long> read(BatchReader reader) {
        List<Long> ids = new ArrayList<>();
        try (reader) {
            VectorSchemaRoot batch;
            while ((batch = reader.next()) != null) {
                BigIntVector id = (BigIntVector) batch.getVector(0);
                for (int row = 0; row < batch.getRowCount(); row++) {
                    ids.add(id.get(row));
                }
            }
        }
        return ids;
    }

    @Test
    void partsAreDisjointAndCoverEveryVisibleRow() {
        TableDefinition table = createTable(ITEMS);
        commitRows(table, ids(0, 20_000)); // three blocks once flushed
        node.flush();
        for (long start = 20_000; start < 25_000; start += 1_000) {
            commitRows(table, ids(start, start + 1_000)); // five logtail segments
        }
        try (Transaction txn = node.begin()) {
            long[] rowIds = rowIdsOf(txn, table, 5, 20_005, 24_999);
            txn.delete(table.tableId(), rowIds);
            txn.commit();
        }
        try (Transaction txn = node.begin()) {
            insertRows(txn, table, ids(30_000, 30_010));
            txn.delete(table.tableId(), rowIdsOf(txn, table, 6, 30_000));
            TableSnapshot snapshot = txn.table("shop", "items");
            Set<Long> whole = new HashSet<>(read(snapshot.scan(new int[] {0}, false)));
            assertEquals(20_000 + 5_000 - 3 + 10 - 2, whole.size());
            for (int partitions = 1; partitions <= 4; partitions++) {
                List<Long> all = new ArrayList<>();
                for (int partition = 0; partition < partitions; partition++) {
                    List<Long> part = read(snapshot.scan(new int[] {0}, false, List.of(), partition, partitions));
                    if (partitions > 1) {
                        assertTrue(part.size() < whole.size(), "part " + partition + " of " + partitions + " is not all");
                    }
                    all.addAll(part);
                }
                assertEquals(whole.size(), all.size(), partitions + " parts hold each row once");
                assertEquals(whole, new HashSet<>(all));
            }
        }
    }

    /** The row ids of the rows with these ids, as the transaction sees them. */
    private static long[] rowIdsOf(Transaction txn, TableDefinition table, long... ids) {
        Set<Long> wanted = new HashSet<>();
        for (long id : ids) {
            wanted.add(id);
        }
        List<Long> found = new ArrayList<>();
        try (BatchReader reader = txn.table("shop", "items").scan(new int[] {0}, true)) {
            VectorSchemaRoot batch;
            while ((batch = reader.next()) != null) {
                BigIntVector id = (BigIntVector) batch.getVector(0);
                BigIntVector rowId = (BigIntVector) batch.getVector(1);
                for (int row = 0; row < batch.getRowCount(); row++) {
                    if (wanted.contains(id.get(row))) {
                        found.add(rowId.get(row));
                    }
                }
            }
        }
        assertEquals(ids.length, found.size());
        return found.stream().mapToLong(Long::longValue).toArray();
    }
}
