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
}
