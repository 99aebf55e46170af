package io.strata.txn;

import io.strata.common.error.WouldWaitException;
import io.strata.txn.catalog.TableDefinition;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Transaction#commitWithoutWaiting}: what the protocol's IO threads commit with. The commit is
 * applied at once, but new snapshots see it, and its row locks are released, only once the log has made
 * it durable.
 */
@Timeout(60)
class CommitWithoutWaitingTest extends NodeTestBase {
    private static final TableDefinition USERS = TransactionNodeTest.USERS;

    private void insert(Transaction txn, TableDefinition table, Object[]... rows) {
        try (VectorSchemaRoot batch = Rows.batch(table, allocator, rows)) {
            txn.insert(table.tableId(), batch);
        }
    }

    @Test
    void aCommitIsSeenAndItsLocksFreedOnlyOnceTheLogHasMadeItDurable() throws Exception {
        TableDefinition table = createTable(USERS);
        try (Transaction txn = node.begin()) {
            insert(txn, table, new Object[] {1L, "a"});
            txn.commit();
        }
        CountDownLatch release = new CountDownLatch(1);
        List<Long> held = holdLogWriter(table, release);
        List<Long> all = new java.util.ArrayList<>(List.of(1L));
        all.addAll(held);
        try (Transaction deleter = node.begin(); Transaction waiter = node.begin()) {
            long row1 = (Long) Rows.scan(deleter, "app", "users", true).get(0).get(2);
            deleter.delete(table.tableId(), new long[] {row1});
            CompletableFuture<Long> durable = deleter.commitWithoutWaiting();
            assertFalse(deleter.isActive(), "the transaction has ended for its session");
            assertFalse(durable.isDone(), "the log writer is held: nothing becomes durable");
            try (Transaction reader = node.begin()) {
                assertEquals(all, Rows.ids(reader, "app", "users"), "not visible before it is durable");
            }
            waiter.allowWaiting(false);
            assertThrows(WouldWaitException.class, () -> waiter.delete(table.tableId(), new long[] {row1}),
                    "the row lock is held until the commit is durable");
            release.countDown();
            long commitTs = durable.get(30, TimeUnit.SECONDS);
            assertTrue(commitTs > 0);
            try (Transaction reader = node.begin()) {
                assertEquals(held, Rows.ids(reader, "app", "users"));
            }
        }
        reopen(false);
        try (Transaction reader = node.begin()) {
            assertEquals(held, Rows.ids(reader, "app", "users"), "durable: recovered from the log");
        }
    }

    /**
     * Commits rows 10, 11... (returned) without waiting until one commit's completion runs on the log writer thread,
     * and keeps that thread there until {@code release}: no later commit becomes durable meanwhile.
     */
    private List<Long> holdLogWriter(TableDefinition table, CountDownLatch release) throws InterruptedException {
        CountDownLatch held = new CountDownLatch(1);
        List<Long> committed = new java.util.ArrayList<>();
        for (long id = 10; held.getCount() > 0 && id < 20; id++) {
            committed.add(id);
            try (Transaction txn = node.begin()) {
                insert(txn, table, new Object[] {id, "held"});
                txn.commitWithoutWaiting().thenRun(() -> {
                    if (Thread.currentThread().getName().startsWith("strata-log-writer") && held.getCount() > 0) {
                        held.countDown();
                        awaitQuietly(release);
                    }
                });
            }
            held.await(1, TimeUnit.SECONDS); // the commit completed before the callback was attached: another
        }
        assertEquals(0, held.getCount(), "a completion ran on the log writer");
        return committed;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aDdlCommitWouldWaitAndStaysOpen() {
        try (Transaction txn = node.begin()) {
            txn.createDatabase("app", false);
            txn.allowWaiting(false);
            assertThrows(WouldWaitException.class, txn::commitWithoutWaiting);
            assertTrue(txn.isActive());
            txn.allowWaiting(true);
            txn.commit();
        }
    }

    @Test
    void aReadOnlyCommitIsDoneAtOnce() {
        try (Transaction txn = node.begin()) {
            CompletableFuture<Long> done = txn.commitWithoutWaiting();
            assertTrue(done.isDone());
            assertFalse(txn.isActive());
        }
    }
}
