package io.strata.txn;

import io.strata.common.config.StrataConfig;
import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.type.DataType;
import io.strata.storage.LocalDirObjectStore;
import io.strata.storage.ObjectStore;
import io.strata.txn.catalog.ColumnDefinition;
import io.strata.txn.catalog.TableDefinition;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Updates, snapshot readers, flushes, merges and deletions all at once: snapshots stay stable, nothing is lost. */
@Timeout(120)
class MergeConcurrencyTest {
    static final TableDefinition ITEMS = new TableDefinition(0, "shop", "items",
            List.of(new ColumnDefinition("id", DataType.BIGINT, false, null, false),
                    new ColumnDefinition("version", DataType.BIGINT, false, null, false)),
            List.of(0), "");
    static final int KEYS = 200;

    @TempDir
    Path dir;

    @Test
    void snapshotsStayStableWhileMergesAndDeletionsRun() throws InterruptedException {
        StrataConfig config = StrataConfig.defaults().with("txn.flush-threshold-rows", "100")
                .with("txn.flush-interval-ms", "50");
        try (RootAllocator allocator = new RootAllocator();
             ObjectStore store = new LocalDirObjectStore(dir.resolve("objects"))) {
            TransactionNode node = TransactionNode.open(store, dir.resolve("log"), config, allocator);
            try {
                run(node, store, allocator, config);
            } catch (Throwable e) {
                node.closeWithoutFlush(); // stop its background threads before the directory goes
                throw e;
            }
        }
    }

    private void run(TransactionNode node, ObjectStore store, RootAllocator allocator, StrataConfig config)
            throws InterruptedException {
            TableDefinition created;
            try (Transaction txn = node.begin()) {
                txn.createDatabase("shop", false);
                created = txn.createTable(ITEMS, false);
                txn.commit();
            }
            TableDefinition table = created;
            TransactionNode running = node;
            Map<Long, Long> model = new HashMap<>(); // id -> version, written by the writer thread only
            for (long id = 0; id < KEYS; id++) {
                model.put(id, 0L);
            }
            upsert(node, table, allocator, model, model.keySet().stream().toList());
            AtomicBoolean stop = new AtomicBoolean();
            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            AtomicInteger readerChecks = new AtomicInteger();
            Thread writer = Thread.ofPlatform().start(() -> guard(failures, () -> {
                Random random = new Random(42);
                while (!stop.get()) {
                    List<Long> ids = new ArrayList<>();
                    for (int i = 0; i < 20; i++) {
                        ids.add((long) random.nextInt(KEYS));
                    }
                    upsert(running, table, allocator, model, ids.stream().distinct().toList());
                }
            }));
            Thread merger = Thread.ofPlatform().start(() -> guard(failures, () -> {
                while (!stop.get()) {
                    running.mergeNow();
                }
            }));
            Thread reader = Thread.ofPlatform().start(() -> guard(failures, () -> {
                while (!stop.get()) {
                    try (Transaction txn = running.begin()) {
                        List<List<Object>> first = sorted(Rows.scan(txn, "shop", "items", true));
                        assertEquals(KEYS, first.size(), "one row per key at every snapshot");
                        Thread.sleep(5);
                        assertEquals(first, sorted(Rows.scan(txn, "shop", "items", true)), "a snapshot is stable");
                        readerChecks.incrementAndGet();
                    }
                }
            }));
            Thread.sleep(4000);
            stop.set(true);
            for (Thread thread : List.of(writer, merger, reader)) {
                thread.join(30_000);
            }
            assertTrue(failures.isEmpty(), () -> failures.peek().toString());
            assertTrue(readerChecks.get() > 0);
            assertTrue(node.statistics().get("Strata_merges") > 0, node.statistics().toString());
            assertEquals(model, contents(node));
            for (int i = 0; i < 2; i++) { // two more checkpoints: no kept one lists the merged-away objects
                upsert(node, table, allocator, model, List.of(0L));
                node.flush();
            }
            node.reclaimObjects();
            assertTrue(node.statistics().get("Strata_objects_deleted") > 0, node.statistics().toString());
            assertEquals(model, contents(node));
            node.flush();
            node.mergeNow();
            node.closeWithoutFlush();
            TransactionNode restarted = TransactionNode.open(store, dir.resolve("log"), config, allocator);
            try {
                assertEquals(model, contents(restarted), "the same rows after a restart");
            } finally {
                restarted.close();
            }
    }

    private static List<List<Object>> sorted(List<List<Object>> rows) {
        return rows.stream().sorted((a, b) -> Long.compare((Long) a.get(0), (Long) b.get(0))).toList();
    }

    private static Map<Long, Long> contents(TransactionNode node) {
        Map<Long, Long> rows = new HashMap<>();
        try (Transaction txn = node.begin()) {
            for (List<Object> row : Rows.scan(txn, "shop", "items", false)) {
                rows.put((Long) row.get(0), (Long) row.get(1));
            }
        }
        return rows;
    }

    /** Replaces the rows of {@code ids} (delete + insert of the next version) in one commit; retries conflicts. */
    private static void upsert(TransactionNode node, TableDefinition table, RootAllocator allocator,
                               Map<Long, Long> model, List<Long> ids) {
        try (Transaction txn = node.begin()) {
            long[] rowIds = new long[ids.size()];
            Object[][] rows = new Object[ids.size()][];
            for (int i = 0; i < ids.size(); i++) {
                try (BatchReader found = txn.table("shop", "items").lookup(new int[0], true, List.of(ids.get(i)))) {
                    VectorSchemaRoot batch = found.next();
                    rowIds[i] = batch == null ? -1 : (Long) io.strata.common.type.ArrowValues.get(batch.getVector(0), 0);
                }
                rows[i] = new Object[] {ids.get(i), model.get(ids.get(i)) + 1};
            }
            txn.delete(table.tableId(), java.util.Arrays.stream(rowIds).filter(id -> id >= 0).toArray());
            try (VectorSchemaRoot batch = Rows.batch(table, allocator, rows)) {
                txn.insert(table.tableId(), batch);
            }
            txn.commit();
            ids.forEach(id -> model.merge(id, 1L, Long::sum));
        } catch (StrataException e) {
            if (e.code() != ErrorCode.ER_LOCK_DEADLOCK) {
                throw e;
            }
        }
    }

    interface Body {
        void run() throws Exception;
    }

    private static void guard(ConcurrentLinkedQueue<Throwable> failures, Body body) {
        try {
            body.run();
        } catch (Throwable e) {
            failures.add(e);
        }
    }
}
