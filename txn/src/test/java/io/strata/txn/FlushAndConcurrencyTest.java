package io.strata.txn;

import io.strata.common.config.StrataConfig;
import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.storage.LocalDirObjectStore;
import io.strata.storage.ObjectStore;
import io.strata.txn.catalog.TableDefinition;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlushAndConcurrencyTest {
    @TempDir
    Path dir;
    RootAllocator allocator;
    ObjectStore store;
    TransactionNode node;
    StrataConfig config = StrataConfig.defaults().with("txn.flush-threshold-rows", "1000");

    @BeforeEach
    void setUp() {
        allocator = new RootAllocator();
        store = new LocalDirObjectStore(dir.resolve("objects"));
        node = TransactionNode.open(store, dir.resolve("log"), config, allocator);
    }

    @AfterEach
    void tearDown() {
        node.close();
        store.close();
        allocator.close();
    }

    private TableDefinition createUsers() {
        try (Transaction txn = node.begin()) {
            txn.createDatabase("app", true);
            TableDefinition table = txn.createTable(TransactionNodeTest.USERS, false);
            txn.commit();
            return table;
        }
    }

    private static Object[][] rows(long from, int count) {
        Object[][] rows = new Object[count][];
        for (int i = 0; i < count; i++) {
            rows[i] = new Object[] {from + i, "name " + (from + i)};
        }
        return rows;
    }

    private List<Integer> batchSizes(Transaction txn) {
        List<Integer> sizes = new ArrayList<>();
        try (BatchReader reader = txn.table("app", "users").scan(new int[] {1, 0}, true)) {
            VectorSchemaRoot batch;
            while ((batch = reader.next()) != null) {
                assertEquals(List.of("name", "id", TableSnapshot.ROW_ID_COLUMN),
                        batch.getSchema().getFields().stream().map(f -> f.getName()).toList());
                sizes.add(batch.getRowCount());
            }
        }
        return sizes;
    }

    @Test
    void passingTheThresholdFlushesAndScansStayInBatchBounds() {
        TableDefinition table = createUsers();
        try (Transaction txn = node.begin(); VectorSchemaRoot batch = Rows.batch(table, allocator, rows(1, 20_000))) {
            txn.insert(table.tableId(), batch);
            assertTrue(batchSizes(txn).stream().allMatch(size -> size <= 8192), "workspace scan batches are bounded");
            txn.commit();
        }
        assertTrue(store.list("tables/" + table.tableId() + "/").stream().anyMatch(key -> key.contains("data-")),
                "20000 rows passed the 1000-row threshold and were flushed");
        try (Transaction txn = node.begin()) {
            List<Integer> sizes = batchSizes(txn);
            assertEquals(20_000, sizes.stream().mapToInt(Integer::intValue).sum());
            assertTrue(sizes.stream().allMatch(size -> size <= 8192), "object scan batches are bounded: " + sizes);
            assertEquals(20_000, txn.table("app", "users").estimatedRowCount());
        }
        try (Transaction txn = node.begin()) {
            long[] doomed = Rows.scan(txn, "app", "users", true).stream()
                    .filter(row -> (Long) row.get(0) % 2 == 0).mapToLong(row -> (Long) row.get(2)).toArray();
            txn.delete(table.tableId(), doomed);
            txn.commit(); // 10000 deletes pass the threshold too: a tombstone object is written
        }
        assertTrue(store.list("tables/" + table.tableId() + "/").stream().anyMatch(key -> key.contains("tomb-")));
        node.closeWithoutFlush();
        node = TransactionNode.open(store, dir.resolve("log"), config, allocator);
        try (Transaction txn = node.begin()) {
            List<Long> ids = Rows.ids(txn, "app", "users");
            assertEquals(LongStream.rangeClosed(1, 20_000).filter(id -> id % 2 == 1).boxed().toList(), ids);
        }
    }

    @Test
    void concurrentCommittersAllLandAndConflictsAreCounted() throws Exception {
        TableDefinition table = createUsers();
        int threads = 4;
        int commitsPerThread = 60;
        AtomicInteger duplicates = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < commitsPerThread; i++) {
                    long ownKey = 1_000_000L * (thread + 1) + i;
                    long sharedKey = i; // every thread also tries the same key: only one may win it
                    try (Transaction txn = node.begin();
                         VectorSchemaRoot own = Rows.batch(table, allocator, new Object[] {ownKey, "own"});
                         VectorSchemaRoot shared = Rows.batch(table, allocator, new Object[] {sharedKey, "shared"})) {
                        txn.insert(table.tableId(), own);
                        try {
                            txn.insert(table.tableId(), shared);
                            txn.commit();
                        } catch (StrataException e) {
                            // Lost the race: 1062 when the winner committed before our insert was checked at
                            // commit, 1213 when it committed after our snapshot but before our insert statement.
                            assertTrue(e.code() == ErrorCode.ER_DUP_ENTRY || e.code() == ErrorCode.ER_LOCK_DEADLOCK,
                                    e.code().toString());
                            duplicates.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        int committed = threads * commitsPerThread - duplicates.get();
        assertEquals(commitsPerThread, committed, "each shared key was won exactly once");
        try (Transaction txn = node.begin()) {
            List<Long> ids = Rows.ids(txn, "app", "users");
            assertEquals(2 * committed, ids.size());
            assertEquals(LongStream.range(0, commitsPerThread).boxed().toList(), ids.subList(0, commitsPerThread));
        }
    }

    @Test
    void aQuietNodeFlushesOnItsInterval() throws Exception {
        node.close();
        node = TransactionNode.open(store, dir.resolve("log"), config.with("txn.flush-interval-ms", "100"), allocator);
        TableDefinition table = createUsers();
        try (Transaction txn = node.begin(); VectorSchemaRoot batch = Rows.batch(table, allocator, rows(1, 3))) {
            txn.insert(table.tableId(), batch);
            txn.commit();
        }
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (store.list("tables/" + table.tableId() + "/").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(!store.list("tables/" + table.tableId() + "/").isEmpty(), "3 rows were flushed by the timer");
        try (Transaction txn = node.begin()) {
            assertEquals(List.of(1L, 2L, 3L), Rows.ids(txn, "app", "users"));
        }
    }

    @Test
    void manySmallCommitsAreScannedAsFewBatchesAndEmptyProjectionsCountRows() {
        TableDefinition table = createUsers();
        for (long id = 1; id <= 300; id++) {
            try (Transaction txn = node.begin(); VectorSchemaRoot batch = Rows.batch(table, allocator, rows(id, 1))) {
                txn.insert(table.tableId(), batch);
                txn.commit();
            }
        }
        try (Transaction txn = node.begin()) {
            try (VectorSchemaRoot batch = Rows.batch(table, allocator, rows(1000, 5))) {
                txn.insert(table.tableId(), batch);
            }
            assertEquals(List.of(305), batchSizes(txn), "300 logtail segments and the workspace fill one batch");
            List<Integer> counts = new ArrayList<>();
            try (BatchReader reader = txn.table("app", "users").scan(new int[0], false)) {
                VectorSchemaRoot batch;
                while ((batch = reader.next()) != null) {
                    assertEquals(0, batch.getFieldVectors().size());
                    counts.add(batch.getRowCount());
                }
            }
            assertEquals(List.of(305), counts);
        }
    }

    @Test
    void aFailingObjectStoreDoesNotFailCommitsAndTheLogKeepsThem() {
        node.close();
        java.util.concurrent.atomic.AtomicBoolean broken = new java.util.concurrent.atomic.AtomicBoolean(true);
        ObjectStore flaky = new ObjectStore() {
            @Override public void put(String key, byte[] bytes) {
                if (broken.get()) {
                    throw new StrataException(ErrorCode.ER_STORAGE_FAILURE, "disk full (simulated)");
                }
                store.put(key, bytes);
            }
            @Override public byte[] get(String key) { return store.get(key); }
            @Override public byte[] getRange(String key, long offset, int length) { return store.getRange(key, offset, length); }
            @Override public long size(String key) { return store.size(key); }
            @Override public boolean exists(String key) { return store.exists(key); }
            @Override public java.util.List<String> list(String prefix) { return store.list(prefix); }
            @Override public void delete(String key) { store.delete(key); }
            @Override public void close() { }
        };
        node = TransactionNode.open(flaky, dir.resolve("log"), config, allocator);
        TableDefinition table = createUsers();
        try (Transaction txn = node.begin(); VectorSchemaRoot batch = Rows.batch(table, allocator, rows(1, 1500))) {
            txn.insert(table.tableId(), batch);
            txn.commit(); // passes the 1000-row threshold: the flush fails, the commit stands
        }
        try (Transaction txn = node.begin()) {
            assertEquals(1500, Rows.ids(txn, "app", "users").size());
        }
        node.closeWithoutFlush();
        broken.set(false);
        node = TransactionNode.open(flaky, dir.resolve("log"), config, allocator);
        try (Transaction txn = node.begin()) {
            assertEquals(1500, Rows.ids(txn, "app", "users").size(), "replayed from the log");
        }
        node.flush();
        assertTrue(!store.list("checkpoints/").isEmpty());
    }

    @Test
    void rangeScansSkipBlocksByZoneMaps() {
        TableDefinition table = createUsers();
        try (Transaction txn = node.begin(); VectorSchemaRoot batch = Rows.batch(table, allocator, rows(1, 20_000))) {
            txn.insert(table.tableId(), batch);
            txn.commit(); // flushed: 3 blocks of ids 1..8192, 8193..16384, 16385..20000
        }
        long prunedBefore = node.statistics().get("Strata_scan_blocks_pruned");
        long readBefore = node.statistics().get("Strata_scan_blocks_read");
        try (Transaction txn = node.begin();
             BatchReader reader = txn.table("app", "users").scan(new int[] {0}, false,
                     List.of(new ColumnRange(0, 9000L, 9100.5)))) {
            long rows = 0;
            boolean sawWanted = false;
            VectorSchemaRoot batch;
            while ((batch = reader.next()) != null) {
                rows += batch.getRowCount();
                for (int i = 0; i < batch.getRowCount(); i++) {
                    sawWanted |= ((org.apache.arrow.vector.BigIntVector) batch.getVector(0)).get(i) == 9050L;
                }
            }
            assertTrue(sawWanted, "the block holding the range is read");
            assertEquals(101, rows, "only the rows of the middle block inside the range are copied");
        }
        assertEquals(2, node.statistics().get("Strata_scan_blocks_pruned") - prunedBefore);
        assertEquals(1, node.statistics().get("Strata_scan_blocks_read") - readBefore);
        try (Transaction txn = node.begin();
             BatchReader reader = txn.table("app", "users").scan(new int[] {1}, true,
                     List.of(new ColumnRange(1, "zzz", null)))) {
            long rows = 0;
            VectorSchemaRoot batch;
            while ((batch = reader.next()) != null) {
                rows += batch.getRowCount();
            }
            assertEquals(20_000, rows, "string bounds never prune (collations differ from binary order)");
        }
    }
}
