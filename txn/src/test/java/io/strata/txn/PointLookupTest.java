package io.strata.txn;

import io.strata.common.config.StrataConfig;
import io.strata.common.type.ArrowValues;
import io.strata.common.type.DataType;
import io.strata.storage.LocalDirObjectStore;
import io.strata.storage.ObjectStore;
import io.strata.txn.catalog.ColumnDefinition;
import io.strata.txn.catalog.TableDefinition;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PointLookupTest {
    /** A composite key (region, id) with a DECIMAL, to check key normalization. */
    static final TableDefinition ACCOUNTS = new TableDefinition(0, "bank", "accounts",
            List.of(new ColumnDefinition("region", DataType.varchar(8), false, null, false),
                    new ColumnDefinition("id", DataType.INT, false, null, false),
                    new ColumnDefinition("balance", DataType.decimal(10, 2), true, null, false)),
            List.of(0, 1), "");

    @TempDir
    Path dir;
    RootAllocator allocator;
    ObjectStore store;
    TransactionNode node;
    TableDefinition table;

    @BeforeEach
    void setUp() {
        allocator = new RootAllocator();
        store = new LocalDirObjectStore(dir.resolve("objects"));
        node = TransactionNode.open(store, dir.resolve("log"), StrataConfig.defaults(), allocator);
        try (Transaction txn = node.begin()) {
            txn.createDatabase("bank", false);
            table = txn.createTable(ACCOUNTS, false);
            txn.commit();
        }
    }

    @AfterEach
    void tearDown() {
        node.close();
        store.close();
        allocator.close();
    }

    void insert(Transaction txn, Object[]... rows) {
        try (VectorSchemaRoot batch = Rows.batch(table, allocator, rows)) {
            txn.insert(table.tableId(), batch);
        }
    }

    /** The looked-up row as [balance, rowid], or null. */
    static List<Object> lookup(Transaction txn, String region, long id) {
        try (BatchReader reader = txn.table("bank", "accounts").lookup(new int[] {2}, true, List.of(region, id))) {
            VectorSchemaRoot batch = reader.next();
            if (batch == null) {
                return null;
            }
            assertEquals(1, batch.getRowCount());
            List<Object> row = new ArrayList<>();
            for (FieldVector vector : batch.getFieldVectors()) {
                row.add(ArrowValues.get(vector, 0));
            }
            assertNull(reader.next());
            return row;
        }
    }

    static BigDecimal money(String value) {
        return new BigDecimal(value);
    }

    @Test
    void findsRowsInWorkspaceLogtailAndObjectsUnderMvcc() {
        try (Transaction txn = node.begin()) {
            insert(txn, new Object[] {"eu", 1L, money("10.00")}, new Object[] {"us", 1L, money("20.00")});
            assertEquals(money("10.00"), lookup(txn, "eu", 1).get(0), "own workspace");
            txn.commit();
        }
        try (Transaction txn = node.begin()) {
            assertEquals(money("20.00"), lookup(txn, "us", 1).get(0), "logtail");
            assertNull(lookup(txn, "us", 2));
            assertNull(lookup(txn, "asia", 1));
        }
        node.flush();
        Transaction old = node.begin();
        try {
            assertEquals(money("10.00"), lookup(old, "eu", 1).get(0), "object");
            // An update (delete + insert) committed after `old` began.
            try (Transaction txn = node.begin()) {
                long rowId = (Long) lookup(txn, "eu", 1).get(1);
                txn.delete(table.tableId(), new long[] {rowId});
                insert(txn, new Object[] {"eu", 1L, money("11.50")});
                assertEquals(money("11.50"), lookup(txn, "eu", 1).get(0), "own update");
                txn.commit();
            }
            assertEquals(money("10.00"), lookup(old, "eu", 1).get(0), "the old snapshot still sees the old version");
        } finally {
            old.close();
        }
        try (Transaction txn = node.begin()) {
            assertEquals(money("11.50"), lookup(txn, "eu", 1).get(0), "a new snapshot sees the update");
            txn.delete(table.tableId(), new long[] {(Long) lookup(txn, "us", 1).get(1)});
            assertNull(lookup(txn, "us", 1), "own delete");
            txn.commit();
        }
        node.close();
        node = TransactionNode.open(store, dir.resolve("log"), StrataConfig.defaults(), allocator);
        try (Transaction txn = node.begin()) {
            assertEquals(money("11.50"), lookup(txn, "eu", 1).get(0), "after restart, from objects");
            assertNull(lookup(txn, "us", 1));
            try (BatchReader reader = txn.table("bank", "accounts").lookup(new int[] {0}, false, Arrays.asList("eu", null))) {
                assertNull(reader.next(), "a NULL key matches nothing");
            }
        }
    }

    private void update(String region, long id, String balance) {
        try (Transaction txn = node.begin()) {
            txn.delete(table.tableId(), new long[] {(Long) lookup(txn, region, id).get(1)});
            insert(txn, new Object[] {region, id, money(balance)});
            txn.commit();
        }
    }

    @Test
    void anOldSnapshotWalksBackThroughNewerVersionsInLogtailAndObjects() {
        try (Transaction txn = node.begin()) {
            insert(txn, new Object[] {"eu", 7L, money("1.00")});
            txn.commit();
        }
        try (Transaction old = node.begin()) {
            update("eu", 7, "2.00");
            node.flush(); // the first two versions now lie in objects
            update("eu", 7, "3.00");
            update("eu", 7, "4.00");
            try (Transaction txn = node.begin()) {
                insert(txn, new Object[] {"eu", 8L, money("8.00")});
                txn.commit();
            }
            assertEquals(money("1.00"), lookup(old, "eu", 7).get(0), "the version the old snapshot saw, three versions back");
            assertNull(lookup(old, "eu", 8), "a key first inserted after the snapshot");
            try (Transaction now = node.begin()) {
                assertEquals(money("4.00"), lookup(now, "eu", 7).get(0));
                assertEquals(money("8.00"), lookup(now, "eu", 8).get(0));
            }
        }
    }
}
