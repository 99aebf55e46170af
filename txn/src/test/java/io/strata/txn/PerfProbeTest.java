package io.strata.txn;

import io.strata.common.config.StrataConfig;
import io.strata.storage.LocalDirObjectStore;
import io.strata.storage.ObjectStore;
import io.strata.txn.catalog.TableDefinition;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

class PerfProbeTest {
    @TempDir Path dir;

    @Test
    void probe() {
        try (RootAllocator allocator = new RootAllocator(); ObjectStore store = new LocalDirObjectStore(dir.resolve("o"))) {
            TransactionNode node = TransactionNode.open(store, dir.resolve("log"), StrataConfig.defaults(), allocator);
            TableDefinition table;
            try (Transaction txn = node.begin()) {
                txn.createDatabase("app", false);
                table = txn.createTable(TransactionNodeTest.USERS, false);
                txn.commit();
            }
            int n = 200_000;
            Object[][] rows = new Object[n][];
            for (int i = 0; i < n; i++) rows[i] = new Object[] {(long) i, "name " + i};
            long t0 = System.nanoTime();
            try (Transaction txn = node.begin(); VectorSchemaRoot batch = Rows.batch(table, allocator, rows)) {
                long t1 = System.nanoTime();
                txn.insert(table.tableId(), batch);
                long t2 = System.nanoTime();
                txn.commit();
                long t3 = System.nanoTime();
                System.out.printf("build %d ms, insert %d ms, commit(+flush) %d ms%n", (t1-t0)/1000000, (t2-t1)/1000000, (t3-t2)/1000000);
            }
            long t4 = System.nanoTime();
            try (Transaction txn = node.begin(); BatchReader r = txn.table("app", "users").scan(new int[] {0, 1}, true)) {
                long count = 0; VectorSchemaRoot b;
                while ((b = r.next()) != null) count += b.getRowCount();
                System.out.printf("scan %d rows %d ms%n", count, (System.nanoTime()-t4)/1000000);
            }
            long t5 = System.nanoTime();
            for (int i = 0; i < 2000; i++) {
                try (Transaction txn = node.begin(); VectorSchemaRoot batch = Rows.batch(table, allocator, new Object[] {(long) (n + i), "x"})) {
                    txn.insert(table.tableId(), batch);
                    txn.commit();
                }
            }
            System.out.printf("2000 single-row commits %d ms%n", (System.nanoTime()-t5)/1000000);
            String key = store.list("tables/").get(0);
            var reader = io.strata.storage.format.DataObjectReader.open(store, key);
            long tr = System.nanoTime();
            for (int i = 0; i < 2000; i++) {
                try (VectorSchemaRoot b = reader.readBlock(i % 20, new int[] {2}, allocator)) { }
            }
            System.out.printf("2000 rowid chunk decodes %d ms%n", (System.nanoTime()-tr)/1000000);
            long t6 = System.nanoTime();
            try (Transaction txn = node.begin()) {
                for (int i = 0; i < 20000; i++) {
                    try (BatchReader r = txn.table("app", "users").lookup(new int[] {1}, true, List.of((long) (i * 10 % (n + 2000))))) {
                        if (r.next() == null) throw new AssertionError("missing " + i);
                    }
                }
            }
            System.out.printf("20000 lookups %d ms%n", (System.nanoTime()-t6)/1000000);
            long t7 = System.nanoTime();
            node.close();
            node = TransactionNode.open(store, dir.resolve("log"), StrataConfig.defaults(), allocator);
            System.out.printf("close+reopen %d ms%n", (System.nanoTime()-t7)/1000000);
            node.close();
        }
    }
}
