package io.strata.txn;

import io.strata.common.config.StrataConfig;
import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.type.DataType;
import io.strata.storage.LocalDirObjectStore;
import io.strata.txn.catalog.ColumnDefinition;
import io.strata.txn.catalog.TableDefinition;
import io.strata.txn.mvcc.DataObjectRef;
import io.strata.txn.mvcc.PrimaryKey;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class KeyFilterTest {
    static final TableDefinition ITEMS = new TableDefinition(0, "shop", "items",
            List.of(new ColumnDefinition("id", DataType.BIGINT, false, null, false),
                    new ColumnDefinition("name", DataType.varchar(16), true, null, false)),
            List.of(0), "");

    @TempDir
    Path dir;
    RootAllocator allocator;
    RecordingObjectStore store;
    TransactionNode node;
    TableDefinition table;

    @BeforeEach
    void setUp() {
        allocator = new RootAllocator();
        store = new RecordingObjectStore(new LocalDirObjectStore(dir.resolve("objects")));
        StrataConfig config = StrataConfig.defaults().with("txn.flush-interval-ms", "0")
                .with(TransactionNode.MERGE_ENABLED_KEY, "false");
        node = TransactionNode.open(store, dir.resolve("log"), config, allocator);
        try (Transaction txn = node.begin()) {
            txn.createDatabase("shop", false);
            table = txn.createTable(ITEMS, false);
            txn.commit();
        }
    }

    @AfterEach
    void tearDown() {
        node.close();
        store.close();
        allocator.close();
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

    static VectorSchemaRoot lookup(Transaction txn, long id) {
        return txn.table("shop", "items").lookup(new int[] {1}, false, List.of(id)).next();
    }

    @Test
    void aKeyHashesAlikeFromVectorsAndFromLookupValues() {
        List<DataType> types = List.of(DataType.varchar(8), DataType.INT, DataType.decimal(10, 2));
        try (VectorSchemaRoot batch = Rows.batch(PointLookupTest.ACCOUNTS, allocator,
                new Object[] {"eu", 7L, new BigDecimal("1.50")})) {
            List<FieldVector> vectors = batch.getFieldVectors();
            PrimaryKey fromVectors = PrimaryKey.of(vectors, 0);
            PrimaryKey fromValues = PrimaryKey.ofValues(types, List.of("eu", 7, new BigDecimal("1.5")));
            assertEquals(fromVectors, fromValues);
            assertEquals(fromVectors.hash64(), fromValues.hash64());
        }
        assertNotEquals(PrimaryKey.ofValues(List.of(DataType.varchar(8), DataType.varchar(8)), List.of("ab", "c")).hash64(),
                PrimaryKey.ofValues(List.of(DataType.varchar(8), DataType.varchar(8)), List.of("a", "bc")).hash64());
    }

    @Test
    void lookupsAndConflictChecksReadOnlyObjectsWhoseFilterAdmitsTheKey() {
        for (int flush = 0; flush < 10; flush++) {
            long[] ids = new long[20];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = flush * 100L + i;
            }
            insert(ids);
            node.flush();
        }
        try (Transaction old = node.begin()) {
            insert(5000);
            node.flush();
            List<DataObjectRef> objects = node.tableData(table.tableId()).version().objects();
            assertEquals(11, objects.size());
            String newest = objects.get(10).key();

            long hash = PrimaryKey.ofValues(List.of(DataType.BIGINT), List.of(5000L)).hash64();
            List<String> admitting = objects.stream().map(DataObjectRef::key)
                    .filter(key -> node.objectReader(key).mightContainKey(hash, false)).sorted().toList();
            assertTrue(admitting.contains(newest) && admitting.size() <= 3, admitting.toString()); // ~1% false positives

            store.clear();
            assertNull(lookup(old, 5000), "committed after the snapshot, and no older version of the key");
            assertTrue(admitting.containsAll(store.keysWithChunkReads()), "only objects whose filter admits the key are read: "
                    + store.keysWithChunkReads());

            store.clear();
            assertNull(lookup(old, 4321), "never inserted");
            assertEquals(List.of(), store.keysWithChunkReads());

            store.clear();
            StrataException conflict = assertThrows(StrataException.class, () -> {
                try (VectorSchemaRoot batch = Rows.batch(table, allocator, new Object[] {5000L, "again"})) {
                    old.insert(table.tableId(), batch);
                }
            });
            assertEquals(ErrorCode.ER_LOCK_DEADLOCK, conflict.code());
            assertTrue(admitting.containsAll(store.keysWithChunkReads()), store.keysWithChunkReads().toString());
        }
        try (Transaction txn = node.begin(); VectorSchemaRoot row = lookup(txn, 5000)) {
            assertEquals(1, row.getRowCount());
        }
        assertTrue(node.statistics().containsKey("Strata_chunk_cache_hits"));
        assertTrue(node.statistics().get("Strata_chunk_cache_misses") > 0);
    }
}
