package io.strata.txn;

import io.strata.storage.ForwardingObjectStore;
import io.strata.storage.ObjectStore;
import io.strata.txn.catalog.TableDefinition;
import io.strata.txn.checkpoint.CheckpointCodec;
import io.strata.txn.checkpoint.MergeResult;
import io.strata.txn.mvcc.DataObjectRef;
import io.strata.txn.mvcc.TableData;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A flush writes its objects outside the commit lock: while object storage is slow (here: stuck until
 * released), commits, deletes and reads go on, and what they did after the flush took its logtail
 * stays correct in memory, in the next flush and after a crash. The same holds while a merge is swapped
 * in (its checkpoint stored).
 */
@Timeout(60)
class FlushWithoutCommitStallTest extends NodeTestBase {
    /**
     * A real store whose data object puts (or puts of keys containing what {@link #hold(String)} names)
     * wait for {@link #release} once held.
     */
    static final class StuckStore extends ForwardingObjectStore {
        private volatile CountDownLatch gate = new CountDownLatch(0);
        private volatile String stuckKeys = "/data-";
        final CountDownLatch entered = new CountDownLatch(1);

        StuckStore(ObjectStore delegate) {
            super(delegate);
        }

        void hold() {
            gate = new CountDownLatch(1);
        }

        void hold(String keysContaining) {
            stuckKeys = keysContaining;
            hold();
        }

        void release() {
            gate.countDown();
        }

        @Override
        public void put(String key, byte[] bytes) {
            if (key.contains(stuckKeys)) {
                entered.countDown();
                try {
                    assertTrue(gate.await(30, TimeUnit.SECONDS), "released");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            delegate.put(key, bytes);
        }
    }

    StuckStore stuck;
    TableDefinition table;

    @Override
    ObjectStore wrap(ObjectStore directory) {
        stuck = new StuckStore(directory);
        return stuck;
    }

    @BeforeEach
    void createUsers() {
        table = createTable(TransactionNodeTest.USERS);
    }

    @AfterEach
    void releaseStore() {
        stuck.release(); // runs before the node closes
    }

    void insert(long... ids) {
        try (Transaction txn = node.begin()) {
            Object[][] rows = new Object[ids.length][];
            for (int i = 0; i < ids.length; i++) {
                rows[i] = new Object[] {ids[i], "user" + ids[i]};
            }
            try (VectorSchemaRoot batch = Rows.batch(table, allocator, rows)) {
                txn.insert(table.tableId(), batch);
            }
            txn.commit();
        }
    }

    void deleteIds(List<Long> ids) {
        try (Transaction txn = node.begin()) {
            long[] rowIds = Rows.scan(txn, "app", "users", true).stream()
                    .filter(row -> ids.contains((Long) row.get(0))).mapToLong(row -> (Long) row.get(2)).toArray();
            txn.delete(table.tableId(), rowIds);
            txn.commit();
        }
    }

    List<Long> ids() {
        try (Transaction txn = node.begin()) {
            return Rows.ids(txn, "app", "users");
        }
    }

    @Test
    void commitsGoOnWhileAFlushWritesAndLandAfterIt() throws Exception {
        insert(LongStream.range(0, 100).toArray());
        deleteIds(List.of(0L, 1L));
        stuck.hold();
        CompletableFuture<Void> flush = CompletableFuture.runAsync(node::flush);
        assertTrue(stuck.entered.await(10, TimeUnit.SECONDS), "the flush is writing its data object");
        // the flush is stuck inside object storage: commits must not wait for it
        insert(LongStream.range(100, 150).toArray());
        deleteIds(List.of(2L, 120L));
        assertEquals(98 + 50 - 2, ids().size(), "reads see the commits made during the flush");
        assertFalse(flush.isDone());
        stuck.release();
        flush.get(30, TimeUnit.SECONDS);

        List<Long> expected = LongStream.range(3, 150).filter(id -> id != 120).boxed().toList();
        assertEquals(expected, ids());
        TableVersionCheck.noSegmentTwice(node, table);
        assertEquals(1, node.tableData(table.tableId()).version().logtail().size(),
                "the commit made during the flush stays in the logtail");
        assertEquals(2, node.tableData(table.tableId()).unflushedTombstones().size(),
                "so do the two deletes made during the flush");

        reopen(false); // crash: the checkpoint holds the flushed rows, the log the later ones
        assertEquals(expected, ids());
        node.flush(); // the rows committed during the first flush, now flushed once
        reopen(true);
        assertEquals(expected, ids());
    }

    @Test
    void commitsGoOnWhileAMergeIsSwappedIn() throws Exception {
        for (long first = 0; first < 100; first += 10) {
            insert(LongStream.range(first, first + 10).toArray());
            node.flush(); // ten small objects
        }
        deleteIds(List.of(0L, 1L));
        node.flush();
        TableData data = node.tableData(table.tableId());
        MergeResult merge = mergeOfAllObjects(table, "stall-test");
        assertEquals(2, merge.droppedRows().size());
        insert(100, 101); // stays in the logtail: the swap stores the checkpoint again, with the merge in it
        stuck.hold(CheckpointCodec.PREFIX);
        CompletableFuture<Boolean> swap = CompletableFuture.supplyAsync(() -> node.installMerge(data, merge));
        assertTrue(stuck.entered.await(10, TimeUnit.SECONDS), "the swap is storing its checkpoint");
        insert(LongStream.range(102, 110).toArray());
        deleteIds(List.of(2L, 101L)); // one row the merge copied, one in the logtail
        assertEquals(98 + 10 - 2, ids().size(), "commits and reads go on while the merge is swapped in");
        assertFalse(swap.isDone());
        stuck.release();
        assertTrue(swap.get(30, TimeUnit.SECONDS), "the merge still applied: only it and flushes change objects");

        List<Long> expected = LongStream.range(3, 110).filter(id -> id != 101).boxed().toList();
        assertEquals(expected, ids());
        List<DataObjectRef> objects = data.version().objects();
        assertTrue(objects.containsAll(merge.outputs()));
        assertTrue(merge.inputs().stream().noneMatch(objects::contains));
        assertEquals(merge.outputs(), objects, "the swap flushed nothing: no object holds the commits made since");
        assertEquals(2, data.version().logtail().size(), "the inserts of 100-101 and 102-109 stay in the logtail");
        assertEquals(2, data.unflushedTombstones().size(), "and the deletes of 2 and 101 in memory");
        reopen(false); // crash: the checkpoint lists the merged objects, the log holds the later commits
        assertEquals(expected, ids());
    }

    @Test
    void aCommitOverTheFlushThresholdLeavesTheFlushToTheBackground() throws Exception {
        node.close();
        node = null;
        node = open(QUIET.with("txn.flush-interval-ms", "3600000").with("txn.flush-threshold-rows", "40"));
        stuck.hold();
        long started = System.nanoTime();
        insert(LongStream.range(0, 50).toArray()); // over the threshold: a flush starts, and sticks in the store
        assertTrue(stuck.entered.await(10, TimeUnit.SECONDS), "a background flush is writing its data object");
        insert(LongStream.range(50, 60).toArray());
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(10),
                "neither commit waited for the stuck flush (it waits 30 s for the release)");
        assertEquals(60, ids().size());
        stuck.release();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (node.statistics().get("Strata_logtail_rows") >= 50 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(node.statistics().get("Strata_logtail_rows") <= 10, "the flush took the first commit's rows "
                + "(the second asked for another, which may have run too)");
        reopen(false);
        assertEquals(LongStream.range(0, 60).boxed().toList(), ids());
    }

    /** Checks a table's current version lists no logtail segment twice. */
    static final class TableVersionCheck {
        static void noSegmentTwice(TransactionNode node, TableDefinition table) {
            var logtail = node.tableData(table.tableId()).version().logtail();
            assertEquals(logtail.size(), new java.util.HashSet<>(logtail).size());
        }
    }
}
