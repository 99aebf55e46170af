package io.strata.txn;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.type.ArrowValues;
import io.strata.common.type.DataType;
import io.strata.txn.catalog.ColumnDefinition;
import io.strata.txn.catalog.TableDefinition;
import io.strata.txn.checkpoint.CheckpointCodec;
import io.strata.txn.checkpoint.MergeResult;
import io.strata.txn.checkpoint.TableFiles;
import io.strata.txn.mvcc.DataObjectRef;
import io.strata.txn.mvcc.TableData;
import io.strata.txn.mvcc.TableVersion;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Merges of small and sparse objects, and the safe deletion of the objects they replace. */
@Timeout(120)
class MergeTest extends NodeTestBase {
    static final TableDefinition ITEMS = new TableDefinition(0, "shop", "items",
            List.of(new ColumnDefinition("id", DataType.BIGINT, false, null, false),
                    new ColumnDefinition("name", DataType.varchar(16), true, null, false)),
            List.of(0), "");
    TableDefinition table;

    @BeforeEach
    void createItems() {
        table = createTable(ITEMS);
    }

    void insert(long... ids) {
        try (Transaction txn = node.begin()) {
            Object[][] rows = new Object[ids.length][];
            for (int i = 0; i < ids.length; i++) {
                rows[i] = new Object[] {ids[i], "item" + ids[i]};
            }
            try (VectorSchemaRoot batch = Rows.batch(table, allocator, rows)) {
                txn.insert(table.tableId(), batch);
            }
            txn.commit();
        }
    }

    /** Deletes the visible rows whose id matches, in one commit. */
    void delete(LongPredicate which) {
        try (Transaction txn = node.begin()) {
            List<Long> rowIds = new ArrayList<>();
            for (List<Object> row : Rows.scan(txn, "shop", "items", true)) {
                if (which.test((Long) row.get(0))) {
                    rowIds.add((Long) row.get(2));
                }
            }
            txn.delete(table.tableId(), rowIds.stream().mapToLong(Long::longValue).toArray());
            txn.commit();
        }
    }

    /** {@code flushes} small objects of 50 rows each: ids 0 .. 50 * flushes - 1. */
    void smallObjects(int flushes) {
        for (int flush = 0; flush < flushes; flush++) {
            long[] ids = new long[50];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = flush * 50L + i;
            }
            insert(ids);
            node.flush();
        }
    }

    /** What {@code txn} sees: id -> name from a scan, and checked against point lookups of every id below 700. */
    static Map<Long, String> contents(Transaction txn) {
        Map<Long, String> scanned = new HashMap<>();
        for (List<Object> row : Rows.scan(txn, "shop", "items", false)) {
            assertNull(scanned.put((Long) row.get(0), (String) row.get(1)), "one row per key");
        }
        for (long id = 0; id < 700; id++) {
            try (BatchReader reader = txn.table("shop", "items").lookup(new int[] {1}, false, List.of(id))) {
                VectorSchemaRoot batch = reader.next();
                String name = batch == null ? null : (String) ArrowValues.get(batch.getVector(0), 0);
                assertEquals(scanned.get(id), name, "lookup of " + id);
            }
        }
        return scanned;
    }

    TableVersion version() {
        return node.tableData(table.tableId()).version();
    }

    List<String> objectKeys() {
        List<String> keys = new ArrayList<>();
        version().objects().forEach(object -> keys.add(object.key()));
        keys.addAll(version().tombstoneObjects());
        return keys;
    }

    @Test
    void mergeKeepsEverySnapshotsRowsAndDeletesReplacedObjectsOnceUnread() {
        smallObjects(12);
        delete(id -> id % 5 == 0);          // before `old`: these rows can be dropped
        node.flush();
        Transaction old = node.begin();
        delete(id -> id % 7 == 0);          // after `old`: it still needs these rows
        node.flush();
        Map<Long, String> oldBefore = contents(old);
        Map<Long, String> newBefore;
        try (Transaction txn = node.begin()) {
            newBefore = contents(txn);
        }
        assertEquals(480, oldBefore.size());
        List<String> replaced = objectKeys();
        assertEquals(14, replaced.size(), "12 data objects and 2 tombstone objects");

        BatchReader openScan = old.table("shop", "items").scan(new int[] {0}, false); // holds the old objects
        assertEquals(1, node.mergeNow());
        assertEquals(1, version().objects().size());
        assertEquals(480, version().objects().get(0).rowCount(), "rows deleted before every snapshot are gone");
        assertEquals(1, node.statistics().get("Strata_merges"));

        assertEquals(oldBefore, contents(old), "a transaction begun before the merge sees the same rows");
        try (Transaction txn = node.begin()) {
            assertEquals(newBefore, contents(txn));
        }
        int scanned = 0;
        for (VectorSchemaRoot batch = openScan.next(); batch != null; batch = openScan.next()) {
            scanned += batch.getRowCount();
        }
        assertEquals(480, scanned, "a scan opened before the merge reads the replaced objects to its end");

        insert(10_000);
        node.flush(); // a second checkpoint: none kept lists the replaced objects any more
        assertEquals(0, node.reclaimObjects(), "an open scan still holds them");
        assertTrue(replaced.stream().allMatch(store::exists));
        openScan.close();
        assertEquals(14, node.reclaimObjects());
        assertTrue(replaced.stream().noneMatch(store::exists), "replaced objects are gone");
        assertEquals(oldBefore, contents(old), "dropped rows were invisible to every snapshot");
        old.close();

        Map<Long, String> expected = new HashMap<>(newBefore);
        expected.put(10_000L, "item10000");
        try (Transaction txn = node.begin()) {
            assertEquals(expected, contents(txn));
        }
        reopen(true);
        try (Transaction txn = node.begin()) {
            assertEquals(expected, contents(txn), "restart after the merge recovers the same rows");
        }
        insert(5);      // deleted and dropped: the key is free
        StrataException duplicate = assertThrows(StrataException.class, () -> insert(1));
        assertEquals(ErrorCode.ER_DUP_ENTRY, duplicate.code());
    }

    @Test
    void deletesCommittedWhileAMergeIsBuiltStillApply() {
        TableData data = tenObjectsWithTheFirstHundredDeleted();
        MergeResult result = mergeOfAllObjects(table, "test-0");
        assertEquals(100, result.droppedRows().size());
        delete(id -> id >= 100 && id < 150); // lands in rows the merge copied
        node.flush();
        assertTrue(node.installMerge(data, result));
        Map<Long, String> expected = itemsFrom(150);
        try (Transaction txn = node.begin()) {
            assertEquals(expected, contents(txn));
        }
        reopen(false);
        try (Transaction txn = node.begin()) {
            assertEquals(expected, contents(txn));
        }
    }

    @Test
    void aMergeWhoseInputsWereMergedAwayIsDeletedNotInstalled() {
        TableData data = tenObjectsWithTheFirstHundredDeleted();
        MergeResult first = mergeOfAllObjects(table, "test-a");
        MergeResult second = mergeOfAllObjects(table, "test-b"); // same inputs
        assertTrue(second.writtenKeys().stream().allMatch(store::exists));
        assertTrue(node.installMerge(data, first));
        assertFalse(node.installMerge(data, second), "its inputs are gone from the version");
        assertTrue(second.writtenKeys().stream().noneMatch(store::exists), "what it wrote was listed nowhere");
        assertTrue(first.writtenKeys().stream().allMatch(store::exists));
        reopen(false);
        try (Transaction txn = node.begin()) {
            assertEquals(itemsFrom(100), contents(txn));
        }
    }

    /** Ten small objects (ids 0 to 499), ids below 100 deleted, all flushed: the table's state. */
    private TableData tenObjectsWithTheFirstHundredDeleted() {
        smallObjects(10);
        delete(id -> id < 100);
        node.flush();
        return node.tableData(table.tableId());
    }

    /** The rows of {@link #smallObjects}(10) from id {@code first} on. */
    private static Map<Long, String> itemsFrom(long first) {
        Map<Long, String> items = new HashMap<>();
        for (long id = first; id < 500; id++) {
            items.put(id, "item" + id);
        }
        return items;
    }

    @Test
    void aCrashBetweenCheckpointAndDeletionLeavesGarbageNeverAMissingObject() {
        smallObjects(12);
        delete(id -> id % 3 == 0);
        node.flush();
        List<String> replaced = objectKeys();
        assertEquals(1, node.mergeNow());
        insert(10_000);
        node.flush();
        assertTrue(replaced.stream().allMatch(store::exists), "not reclaimed yet");
        String fromALaterFlush = "tables/" + table.tableId() + "/data-99999999999999999999-0000.obj";
        store.put(fromALaterFlush, new byte[] {1, 2, 3});
        Map<Long, String> expected;
        try (Transaction txn = node.begin()) {
            expected = contents(txn);
        }
        reopen(false); // crash: the replaced objects were never deleted
        assertTrue(replaced.stream().noneMatch(store::exists), "collected at start: no kept checkpoint lists them");
        assertTrue(store.exists(fromALaterFlush), "an object named for a later LSN is never collected");
        for (String key : store.list(CheckpointCodec.PREFIX)) {
            for (TableFiles files : CheckpointCodec.decode(store.get(key)).tables().values()) {
                files.dataObjects().forEach(object -> assertTrue(store.exists(object.key()), object.key()));
                files.tombstoneObjects().forEach(tombstones -> assertTrue(store.exists(tombstones), tombstones));
            }
        }
        try (Transaction txn = node.begin()) {
            assertEquals(expected, contents(txn));
        }
        store.delete(fromALaterFlush);
    }

    @Test
    void sparseObjectsAndManyTombstoneObjectsAreMergedOthersAreLeftAlone() {
        smallObjects(3);
        delete(id -> id % 25 == 0);       // 4% (2 of 50 per object): not worth a rewrite
        node.flush();
        assertEquals(0, node.mergeNow());
        delete(id -> id % 10 == 1 || id % 10 == 2); // 24% now
        node.flush();
        Map<Long, String> expected;
        try (Transaction txn = node.begin()) {
            expected = contents(txn);
        }
        assertEquals(1, node.mergeNow());
        assertEquals(114, version().objects().stream().mapToLong(DataObjectRef::rowCount).sum());
        assertEquals(List.of(), version().tombstoneObjects(), "every tombstone went with its row");
        Transaction old = node.begin(); // still needs the rows deleted next
        List<Long> gone = List.of(3L, 4L, 5L, 6L, 7L, 8L, 9L, 13L, 14L);
        for (long id : gone) { // nine tombstone objects of one row each
            delete(row -> row == id);
            node.flush();
        }
        assertEquals(9, version().tombstoneObjects().size());
        assertEquals(1, node.mergeNow());
        assertEquals(1, version().tombstoneObjects().size(), "compacted into one");
        try (Transaction txn = node.begin()) {
            Map<Long, String> now = new HashMap<>(expected);
            gone.forEach(now::remove);
            assertEquals(now, contents(txn));
        }
        assertEquals(expected, contents(old));
        old.close();
    }

    @Test
    void droppingATableDeletesItsObjects() {
        smallObjects(2);
        List<String> keys = objectKeys();
        try (Transaction txn = node.begin()) {
            txn.dropTable("shop", "items", false);
            txn.commit();
        }
        node.flush();
        insert2();
        node.flush();
        node.reclaimObjects();
        assertTrue(keys.stream().noneMatch(store::exists));
    }

    /** A commit elsewhere, so the next flush writes a new checkpoint. */
    private void insert2() {
        try (Transaction txn = node.begin()) {
            txn.createDatabase("other", false);
            txn.commit();
        }
    }

    @Test
    void theBackgroundMergesAfterFlushes() throws InterruptedException {
        reopen(true, QUIET.with(TransactionNode.MERGE_ENABLED_KEY, "true"));
        smallObjects(10);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (node.statistics().get("Strata_merges") == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(node.statistics().get("Strata_merges") > 0, "merged in the background");
        List<DataObjectRef> objects = version().objects();
        assertFalse(objects.size() > 9, objects.toString());
        try (Transaction txn = node.begin()) {
            assertEquals(500, contents(txn).size());
        }
        assertNotNull(node.statistics().get("Strata_objects_deleted"));
    }
}
