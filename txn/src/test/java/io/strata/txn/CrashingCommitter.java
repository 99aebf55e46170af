package io.strata.txn;

import io.strata.common.config.StrataConfig;
import io.strata.storage.LocalDirObjectStore;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.nio.file.Path;

/**
 * Run in a child JVM by {@link CrashRecoveryTest}: commits one row per transaction forever, printing
 * "ACK id" after each commit returns, until the parent kills it with SIGKILL.
 */
public final class CrashingCommitter {
    private CrashingCommitter() {}

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        RootAllocator allocator = new RootAllocator();
        TransactionNode node = TransactionNode.open(new LocalDirObjectStore(dir.resolve("objects")), dir.resolve("log"),
                StrataConfig.defaults().with("txn.flush-threshold-rows", "50"), allocator);
        var table = TransactionNodeTest.USERS;
        try (Transaction txn = node.begin()) {
            txn.createDatabase("app", false);
            table = txn.createTable(table, false);
            txn.commit();
        }
        System.out.println("READY");
        for (long id = 1; ; id++) {
            try (Transaction txn = node.begin(); VectorSchemaRoot rows = Rows.batch(table, allocator, new Object[] {id, "row " + id})) {
                txn.insert(table.tableId(), rows);
                txn.commit();
            }
            System.out.println("ACK " + id);
        }
    }
}
