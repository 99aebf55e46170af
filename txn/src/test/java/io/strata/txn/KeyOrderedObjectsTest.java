package io.strata.txn;

import io.strata.common.type.ArrowValues;
import io.strata.storage.format.DataObjectReader;
import io.strata.txn.catalog.TableDefinition;
import io.strata.txn.checkpoint.ObjectSequence;
import io.strata.txn.mvcc.DataObjectRef;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Flushed blocks hold their rows in primary key order (single integer key), and everything that finds
 * rows by key, row id or range still finds them.
 */
class KeyOrderedObjectsTest extends NodeTestBase {
    TableDefinition table;

    @BeforeEach
    void createUsers() {
        table = createTable(TransactionNodeTest.USERS);
    }

    @Test
    void flushedRowsAreInKeyOrderAndStillFoundByKeyAndRange() {
        commitShuffledKeys(20_000, 500, 7, false); // many commits, each in random key order
        node.flush();
        List<DataObjectRef> objects = node.tableData(table.tableId()).version().objects();
        assertEquals(1, objects.size());
        DataObjectReader reader = node.objectReader(objects.get(0).key());
        assertTrue(reader.footer().blocks().size() > 1, "several blocks");
        assertInKeyOrder(reader);
        try (Transaction txn = node.begin()) {
            for (long id : new long[] {0, 1, 4_999, 12_345, 19_999}) {
                try (BatchReader lookup = txn.table("app", "users").lookup(new int[] {1}, false, List.of(id))) {
                    VectorSchemaRoot batch = lookup.next();
                    assertEquals("u" + id, ArrowValues.get(batch.getVector(0), 0), "lookup of " + id);
                }
            }
            List<List<Object>> all = Rows.scan(txn, "app", "users", true);
            assertEquals(20_000, all.size());
            // delete by row id what a scan returned: the rows moved inside their blocks, their ids did not
            long[] rowIds = all.stream().filter(row -> (Long) row.get(0) % 2 == 0).mapToLong(row -> (Long) row.get(2)).toArray();
            txn.delete(table.tableId(), rowIds);
            txn.commit();
        }
        try (Transaction txn = node.begin()) {
            assertEquals(LongStream.range(0, 20_000).filter(id -> id % 2 == 1).boxed().toList(), Rows.ids(txn, "app", "users"));
            try (BatchReader range = txn.table("app", "users").scan(new int[] {0}, false,
                    List.of(new ColumnRange(0, 1_000L, 1_010L)))) {
                List<Long> found = new ArrayList<>();
                for (VectorSchemaRoot batch = range.next(); batch != null; batch = range.next()) {
                    for (int i = 0; i < batch.getRowCount(); i++) {
                        found.add((Long) ArrowValues.get(batch.getVector(0), i));
                    }
                }
                assertEquals(List.of(1_001L, 1_003L, 1_005L, 1_007L, 1_009L), found.stream().sorted().toList());
            }
        }
    }

    @Test
    void mergedObjectsAreInKeyOrderAcrossBlocksAndKeepEveryLiveRow() {
        commitShuffledKeys(30_000, 3_000, 11, true); // ten flushed objects, each over the whole key range
        try (Transaction txn = node.begin()) { // deleted rows no snapshot needs are left out of the merge
            long[] rowIds = Rows.scan(txn, "app", "users", true).stream().filter(row -> (Long) row.get(0) % 3 == 0)
                    .mapToLong(row -> (Long) row.get(2)).toArray();
            txn.delete(table.tableId(), rowIds);
            txn.commit();
        }
        node.flush();
        assertEquals(10, node.tableData(table.tableId()).version().objects().size());
        assertTrue(node.mergeNow() > 0);
        List<DataObjectRef> merged = node.tableData(table.tableId()).version().objects();
        assertEquals(1, merged.size(), "ten small objects of one tier become one");
        DataObjectReader reader = node.objectReader(merged.get(0).key());
        assertTrue(reader.footer().blocks().size() > 1);
        assertInKeyOrder(reader);
        assertEquals(20_000, merged.get(0).rowCount());
        try (Transaction txn = node.begin()) {
            assertEquals(LongStream.range(0, 30_000).filter(id -> id % 3 != 0).boxed().toList(), Rows.ids(txn, "app", "users"));
        }
    }

    @Test
    void mergesRollKeyRangesIntoObjectsSoThatAHotRangeIsRewrittenAlone() {
        int rows = 81_000;
        commitShuffledKeys(rows, 9_000, 13, true); // nine flushed objects of one tier, each over every key
        assertTrue(node.mergeNow() > 0);
        List<DataObjectRef> merged = node.tableData(table.tableId()).version().objects();
        assertEquals(List.of(ObjectSequence.KEY_ORDERED_MERGE_ROWS, rows - ObjectSequence.KEY_ORDERED_MERGE_ROWS),
                merged.stream().map(DataObjectRef::rowCount).toList(), "rolled at the merge object size, in key order");
        assertInKeyOrder(node.objectReader(merged.get(0).key()));
        assertEquals(ObjectSequence.KEY_ORDERED_MERGE_ROWS, minKey(merged.get(1)), "the second holds the keys after the first's");
        try (Transaction txn = node.begin()) { // updates pile up dead rows in the top key range
            long[] rowIds = Rows.scan(txn, "app", "users", true).stream().filter(row -> (Long) row.get(0) >= 70_000)
                    .mapToLong(row -> (Long) row.get(2)).toArray();
            txn.delete(table.tableId(), rowIds);
            txn.commit();
        }
        node.flush();
        assertTrue(node.mergeNow() > 0);
        List<DataObjectRef> after = node.tableData(table.tableId()).version().objects();
        assertEquals(merged.get(0), after.get(0), "the cold key range is not rewritten");
        assertEquals(2, after.size());
        assertEquals(70_000 - ObjectSequence.KEY_ORDERED_MERGE_ROWS, after.get(1).rowCount());
        try (Transaction txn = node.begin()) {
            assertEquals(LongStream.range(0, 70_000).boxed().toList(), Rows.ids(txn, "app", "users"));
        }
    }

    /**
     * Commits rows (id, "u" + id) for ids 0 until {@code rows}, shuffled by {@code seed}, {@code perCommit}
     * to a commit; each commit flushed at once if {@code flushEach}.
     */
    private void commitShuffledKeys(int rows, int perCommit, long seed, boolean flushEach) {
        List<Long> ids = new ArrayList<>(LongStream.range(0, rows).boxed().toList());
        Collections.shuffle(ids, new Random(seed));
        for (int from = 0; from < rows; from += perCommit) {
            try (Transaction txn = node.begin()) {
                Object[][] batchRows = ids.subList(from, from + perCommit).stream()
                        .map(id -> new Object[] {id, "u" + id}).toArray(Object[][]::new);
                try (VectorSchemaRoot batch = Rows.batch(table, allocator, batchRows)) {
                    txn.insert(table.tableId(), batch);
                }
                txn.commit();
            }
            if (flushEach) {
                node.flush();
            }
        }
    }

    private long minKey(DataObjectRef object) {
        DataObjectReader reader = node.objectReader(object.key());
        try (VectorSchemaRoot rows = reader.readBlock(0, new int[] {0}, allocator)) {
            return ((BigIntVector) rows.getVector(0)).get(0);
        }
    }

    /** Every block in key order, and each block's keys above the previous block's. */
    private void assertInKeyOrder(DataObjectReader reader) {
        long last = Long.MIN_VALUE;
        for (int block = 0; block < reader.footer().blocks().size(); block++) {
            try (VectorSchemaRoot rows = reader.readBlock(block, new int[] {0}, allocator)) {
                BigIntVector keys = (BigIntVector) rows.getVector(0);
                for (int i = 0; i < rows.getRowCount(); i++) {
                    assertTrue(last < keys.get(i), "block " + block + " in key order at " + i);
                    last = keys.get(i);
                }
            }
        }
    }
}
