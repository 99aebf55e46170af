package io.strata.txn;

import io.strata.common.config.StrataConfig;
import io.strata.storage.LocalDirObjectStore;
import io.strata.storage.ObjectStore;
import io.strata.txn.catalog.TableDefinition;
import io.strata.txn.checkpoint.MergeResult;
import io.strata.txn.checkpoint.Merger;
import io.strata.txn.mvcc.TableData;
import io.strata.txn.mvcc.TableVersion;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * A transaction node over objects and a log in a fresh directory, for tests that restart it: opened
 * before each test, closed after it (the allocator then checks that no Arrow memory leaked).
 */
abstract class NodeTestBase {
    /** Flushes and merges only when a test asks: what happens is what the test does. */
    static final StrataConfig QUIET = StrataConfig.defaults().with("txn.flush-interval-ms", "0")
            .with(TransactionNode.MERGE_ENABLED_KEY, "false");

    @TempDir
    Path dir;
    RootAllocator allocator;
    LocalDirObjectStore disk;
    /** What the node stores objects in: {@link #disk}, or what {@link #wrap} makes of it. */
    ObjectStore store;
    TransactionNode node;

    /** The store the node uses over the directory store (a test may put faults or delays in between). */
    ObjectStore wrap(ObjectStore directory) {
        return directory;
    }

    @BeforeEach
    final void openNode() {
        allocator = new RootAllocator();
        disk = new LocalDirObjectStore(dir.resolve("objects"));
        store = wrap(disk);
        node = open(QUIET);
    }

    @AfterEach
    final void closeNode() {
        if (node != null) {
            node.close();
        }
        disk.close();
        allocator.close();
    }

    TransactionNode open(StrataConfig config) {
        return TransactionNode.open(store, dir.resolve("log"), config, allocator);
    }

    /** Closes the node (cleanly, or as a crash would) and opens it again on the same objects and log. */
    void reopen(boolean clean) {
        reopen(clean, QUIET);
    }

    void reopen(boolean clean, StrataConfig config) {
        if (clean) {
            node.close();
        } else {
            node.closeWithoutFlush();
        }
        node = null; // if opening fails, there is nothing left to close
        node = open(config);
    }

    /** A merge of every object of {@code table} (built, not swapped in), whose outputs are named after {@code name}. */
    MergeResult mergeOfAllObjects(TableDefinition table, String name) {
        TableData data = node.tableData(table.tableId());
        TableVersion version = data.acquire();
        try {
            return new Merger(table, node.objectStore(), node::objectReader, node.allocator())
                    .merge(version.objects(), version.tombstoneObjects(), node.oldestSnapshot(), name);
        } finally {
            data.release(version);
        }
    }

    /** Creates {@code definition}'s database and the table in one commit; returns the table with its id. */
    TableDefinition createTable(TableDefinition definition) {
        try (Transaction txn = node.begin()) {
            txn.createDatabase(definition.database(), true);
            TableDefinition table = txn.createTable(definition, false);
            txn.commit();
            return table;
        }
    }

    /** Inserts {@code rows} (values in column order) into {@code table} in {@code txn}. */
    void insertRows(Transaction txn, TableDefinition table, Object[]... rows) {
        try (org.apache.arrow.vector.VectorSchemaRoot batch = Rows.batch(table, allocator, rows)) {
            txn.insert(table.tableId(), batch);
        }
    }

    /** Inserts {@code rows} into {@code table} in a transaction of their own and commits it. */
    void commitRows(TableDefinition table, Object[]... rows) {
        try (Transaction txn = node.begin()) {
            insertRows(txn, table, rows);
            txn.commit();
        }
    }
}
