package io.strata.txn;

import io.strata.common.config.StrataConfig;
import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.error.WouldWaitException;
import io.strata.common.type.DataType;
import io.strata.storage.LocalDirObjectStore;
import io.strata.storage.ObjectStore;
import io.strata.txn.catalog.ColumnDefinition;
import io.strata.txn.catalog.TableDefinition;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransactionNodeTest {
    static final TableDefinition USERS = new TableDefinition(0, "App", "Users",
            List.of(new ColumnDefinition("id", DataType.BIGINT, false, null, true),
                    new ColumnDefinition("name", DataType.varchar(20), true, null, false)),
            List.of(0), "");

    @TempDir
    Path dir;
    RootAllocator allocator;
    ObjectStore store;
    TransactionNode node;

    @BeforeEach
    void setUp() {
        allocator = new RootAllocator();
        store = new LocalDirObjectStore(dir.resolve("objects"));
        node = open();
    }

    @AfterEach
    void tearDown() {
        node.close();
        store.close();
        allocator.close(); // throws if anything leaked
    }

    TransactionNode open() {
        return TransactionNode.open(store, dir.resolve("log"), StrataConfig.defaults(), allocator);
    }

    void reopen(boolean flush) {
        if (flush) {
            node.close();
        } else {
            node.closeWithoutFlush();
        }
        node = open();
    }

    TableDefinition createUsers() {
        try (Transaction txn = node.begin()) {
            txn.createDatabase("app", false);
            TableDefinition table = txn.createTable(USERS, false);
            txn.commit();
            return table;
        }
    }

    void insert(Transaction txn, TableDefinition table, Object[]... rows) {
        try (VectorSchemaRoot batch = Rows.batch(table, allocator, rows)) {
            txn.insert(table.tableId(), batch);
        }
    }

    long commitRows(TableDefinition table, Object[]... rows) {
        try (Transaction txn = node.begin()) {
            insert(txn, table, rows);
            return txn.commit();
        }
    }

    @Test
    void catalogNamesAreLowerCasedAndLookupsIgnoreCase() {
        TableDefinition table = createUsers();
        assertEquals("app", table.database());
        assertEquals("users", table.name());
        try (Transaction txn = node.begin()) {
            assertTrue(txn.catalog().databaseExists("APP"));
            assertTrue(txn.catalog().table("App", "USERS").isPresent());
            assertEquals(List.of("users"), txn.catalog().tables("app").stream().map(TableDefinition::name).toList());
            StrataException exists = assertThrows(StrataException.class, () -> txn.createTable(USERS, false));
            assertEquals(ErrorCode.ER_TABLE_EXISTS_ERROR, exists.code());
            assertEquals(table.tableId(), txn.createTable(USERS, true).tableId());
            StrataException noTable = assertThrows(StrataException.class, () -> txn.table("app", "nope"));
            assertEquals(ErrorCode.ER_NO_SUCH_TABLE, noTable.code());
            StrataException noDb = assertThrows(StrataException.class,
                    () -> txn.createTable(new TableDefinition(0, "nodb", "t", USERS.columns(), List.of(), ""), false));
            assertEquals(ErrorCode.ER_BAD_DB_ERROR, noDb.code());
        }
    }

    @Test
    void ownWritesAreVisibleBeforeCommitAndOthersSeeThemOnlyAfter() {
        try (Transaction t1 = node.begin()) {
            t1.createDatabase("app", false);
            TableDefinition table = t1.createTable(USERS, false);
            insert(t1, table, new Object[] {1L, "ann"}, new Object[] {2L, null});
            assertEquals(List.of(1L, 2L), Rows.ids(t1, "app", "users"));
            try (Transaction t2 = node.begin()) {
                assertFalse(t2.catalog().databaseExists("app"));
            }
            t1.commit();
        }
        try (Transaction t3 = node.begin()) {
            assertEquals(List.of(List.of(1L, "ann"), java.util.Arrays.asList(2L, null)), Rows.scan(t3, "app", "users", false));
        }
    }

    @Test
    void snapshotDoesNotSeeLaterCommits() {
        TableDefinition table = createUsers();
        commitRows(table, new Object[] {1L, "a"});
        try (Transaction old = node.begin()) {
            commitRows(table, new Object[] {2L, "b"});
            try (Transaction deleter = node.begin()) {
                long rowId = (Long) Rows.scan(deleter, "app", "users", true).stream()
                        .filter(row -> row.get(0).equals(1L)).findFirst().orElseThrow().get(2);
                deleter.delete(table.tableId(), new long[] {rowId});
                deleter.commit();
            }
            assertEquals(List.of(1L), Rows.ids(old, "app", "users"));
        }
        try (Transaction fresh = node.begin()) {
            assertEquals(List.of(2L), Rows.ids(fresh, "app", "users"));
        }
    }

    @Test
    void duplicateKeyAtInsertAgainstCommittedAndWorkspace() {
        TableDefinition table = createUsers();
        commitRows(table, new Object[] {1L, "a"});
        try (Transaction txn = node.begin()) {
            StrataException committed = assertThrows(StrataException.class, () -> insert(txn, table, new Object[] {1L, "x"}));
            assertEquals(ErrorCode.ER_DUP_ENTRY, committed.code());
            assertEquals("Duplicate entry '1' for key 'users.PRIMARY'", committed.getMessage());
            insert(txn, table, new Object[] {2L, "b"});
            StrataException own = assertThrows(StrataException.class, () -> insert(txn, table, new Object[] {2L, "c"}));
            assertEquals(ErrorCode.ER_DUP_ENTRY, own.code());
            StrataException inBatch = assertThrows(StrataException.class,
                    () -> insert(txn, table, new Object[] {3L, "c"}, new Object[] {3L, "d"}));
            assertEquals(ErrorCode.ER_DUP_ENTRY, inBatch.code());
            assertEquals(List.of(1L, 2L), Rows.ids(txn, "app", "users"), "a failed insert keeps nothing");
            txn.commit();
        }
    }

    @Test
    void notNullIsChecked() {
        TableDefinition table = createUsers();
        try (Transaction txn = node.begin()) {
            StrataException error = assertThrows(StrataException.class, () -> insert(txn, table, new Object[] {null, "a"}));
            assertEquals(ErrorCode.ER_BAD_NULL_ERROR, error.code());
            assertEquals("Column 'id' cannot be null", error.getMessage());
        }
    }

    @Test
    void concurrentInsertsOfOneKeyFirstCommitterWins() {
        TableDefinition table = createUsers();
        try (Transaction t1 = node.begin(); Transaction t2 = node.begin()) {
            insert(t1, table, new Object[] {7L, "one"});
            insert(t2, table, new Object[] {7L, "two"});
            t1.commit();
            StrataException error = assertThrows(StrataException.class, t2::commit);
            assertEquals(ErrorCode.ER_DUP_ENTRY, error.code());
            assertFalse(t2.isActive());
        }
        try (Transaction txn = node.begin()) {
            assertEquals(List.of(List.of(7L, "one")), Rows.scan(txn, "app", "users", false));
        }
    }

    @Test
    void insertingAKeyCommittedAfterTheSnapshotIsAConflictNotADuplicate() {
        TableDefinition table = createUsers();
        commitRows(table, new Object[] {1L, "a"});
        try (Transaction t1 = node.begin(); Transaction t2 = node.begin()) {
            long rowId = (Long) Rows.scan(t1, "app", "users", true).get(0).get(2);
            t2.delete(table.tableId(), new long[] {rowId});
            insert(t2, table, new Object[] {1L, "replaced by t2"});
            t2.commit();
            // t1's snapshot still shows the old row, which t2 replaced: deleting it (to re-insert the key) is
            // a write-write conflict, found as the delete locks the row.
            StrataException error = assertThrows(StrataException.class, () -> t1.delete(table.tableId(), new long[] {rowId}));
            assertEquals(ErrorCode.ER_LOCK_DEADLOCK, error.code(), "sysbench-style delete+insert races must be retryable");
        }
        try (Transaction t3 = node.begin()) {
            StrataException error = assertThrows(StrataException.class, () -> insert(t3, table, new Object[] {1L, "t3"}));
            assertEquals(ErrorCode.ER_DUP_ENTRY, error.code(), "a key visible in the snapshot stays a duplicate");
        }
    }

    @Test
    void concurrentDeletesOfOneRowConflict() {
        TableDefinition table = createUsers();
        commitRows(table, new Object[] {1L, "a"});
        try (Transaction t1 = node.begin(); Transaction t2 = node.begin()) {
            long rowId = (Long) Rows.scan(t1, "app", "users", true).get(0).get(2);
            t1.delete(table.tableId(), new long[] {rowId});
            insert(t1, table, new Object[] {1L, "updated by t1"});
            // t2's delete waits for t1's row lock; once t1 commits, the row t2 saw is gone: 1213.
            java.util.concurrent.CompletableFuture<Void> t2Delete = java.util.concurrent.CompletableFuture.runAsync(
                    () -> t2.delete(table.tableId(), new long[] {rowId}));
            assertThrows(java.util.concurrent.TimeoutException.class,
                    () -> t2Delete.get(200, java.util.concurrent.TimeUnit.MILLISECONDS), "t2 waits for t1's lock");
            t1.commit();
            java.util.concurrent.ExecutionException failed = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> t2Delete.get(10, java.util.concurrent.TimeUnit.SECONDS));
            StrataException error = (StrataException) failed.getCause();
            assertEquals(ErrorCode.ER_LOCK_DEADLOCK, error.code());
            assertEquals(1213, error.code().mysqlCode());
        }
        try (Transaction txn = node.begin()) {
            assertEquals(List.of(List.of(1L, "updated by t1")), Rows.scan(txn, "app", "users", false));
        }
    }

    @Test
    void withoutWaitingALockedRowOrACommitThrowsWouldWaitAndChangesNothing() {
        TableDefinition table = createUsers();
        commitRows(table, new Object[] {1L, "a"}, new Object[] {2L, "b"});
        try (Transaction holder = node.begin(); Transaction t = node.begin()) {
            List<List<Object>> rows = Rows.scan(t, "app", "users", true);
            long row1 = (Long) rows.get(0).get(2);
            long row2 = (Long) rows.get(1).get(2);
            holder.delete(table.tableId(), new long[] {row2});
            t.allowWaiting(false);
            assertThrows(WouldWaitException.class, () -> t.delete(table.tableId(), new long[] {row1, row2}));
            assertEquals(2, Rows.scan(t, "app", "users", false).size(), "neither row left t's view");
            t.commit(); // read-only: nothing to wait for
        }
        try (Transaction t = node.begin()) {
            t.allowWaiting(false);
            long row1 = (Long) Rows.scan(t, "app", "users", true).get(0).get(2);
            t.delete(table.tableId(), new long[] {row1}); // a free row: no wait
            insert(t, table, new Object[] {3L, "c"});
            assertThrows(WouldWaitException.class, t::commit);
            assertTrue(t.isActive(), "a commit that would wait leaves the transaction open");
            t.allowWaiting(true);
            t.commit();
        }
        try (Transaction txn = node.begin()) {
            assertEquals(List.of(List.of(2L, "b"), List.of(3L, "c")), Rows.scan(txn, "app", "users", false));
        }
    }

    @Test
    void withoutWaitingAnAutoIncrementReservationThrowsWouldWait() {
        TableDefinition table = createUsers();
        try (Transaction t = node.begin()) {
            t.allowWaiting(false);
            assertThrows(WouldWaitException.class, () -> t.allocateAutoIncrement(table.tableId(), 1),
                    "the first value needs a reservation in the log");
            t.allowWaiting(true);
            assertEquals(1, t.allocateAutoIncrement(table.tableId(), 1));
            t.allowWaiting(false);
            assertEquals(2, t.allocateAutoIncrement(table.tableId(), 1), "within the reservation: no wait");
        }
    }

    @Test
    void rowsDeletedBeforeEverySnapshotAreMarkedAndStayInvisible() {
        TableDefinition table = createUsers();
        commitRows(table, new Object[] {1L, "a"}, new Object[] {2L, "b"}, new Object[] {3L, "c"});
        long row2;
        try (Transaction old = node.begin()) {
            row2 = (Long) Rows.scan(old, "app", "users", true).get(1).get(2);
            long deletedAt;
            try (Transaction deleter = node.begin()) {
                deleter.delete(table.tableId(), new long[] {row2});
                deletedAt = deleter.commit();
            }
            node.mergeNow();
            assertEquals(deletedAt, node.tableData(table.tableId()).tombstone(row2), "the old snapshot still needs the ts");
            assertEquals(3, Rows.scan(old, "app", "users", false).size(), "and still sees the row");
        }
        node.mergeNow(); // the compactor's pass marks what every snapshot sees deleted
        assertEquals(io.strata.txn.mvcc.TableData.DELETED_BEFORE_ALL, node.tableData(table.tableId()).tombstone(row2));
        try (Transaction txn = node.begin()) {
            assertEquals(List.of(List.of(1L, "a"), List.of(3L, "c")), Rows.scan(txn, "app", "users", false));
            try (BatchReader lookup = txn.table("app", "users").lookup(new int[] {1}, false, List.of(2L))) {
                VectorSchemaRoot batch = lookup.next();
                assertTrue(batch == null || batch.getRowCount() == 0, "a key lookup does not find it either");
            }
        }
    }

    @Test
    void deletingOwnInsertsAndRollbackLeaveNothing() {
        TableDefinition table = createUsers();
        try (Transaction txn = node.begin()) {
            insert(txn, table, new Object[] {1L, "a"}, new Object[] {2L, "b"});
            long rowId = (Long) Rows.scan(txn, "app", "users", true).get(0).get(2);
            txn.delete(table.tableId(), new long[] {rowId});
            insert(txn, table, new Object[] {(Long) Rows.scan(txn, "app", "users", true).get(0).get(0) == 2L ? 1L : 2L, "again"});
            assertEquals(List.of(1L, 2L), Rows.ids(txn, "app", "users"));
            txn.commit();
        }
        try (Transaction txn = node.begin()) {
            insert(txn, table, new Object[] {3L, "c"});
            txn.rollback();
        }
        try (Transaction txn = node.begin()) {
            assertEquals(List.of(1L, 2L), Rows.ids(txn, "app", "users"));
        }
    }

    @Test
    void commitsSurviveRestartByLogReplay() {
        TableDefinition table = createUsers();
        commitRows(table, new Object[] {1L, "a"}, new Object[] {2L, "b"});
        try (Transaction txn = node.begin()) {
            long rowId = (Long) Rows.scan(txn, "app", "users", true).get(0).get(2);
            txn.delete(table.tableId(), new long[] {rowId});
            txn.commit();
        }
        reopen(false);
        try (Transaction txn = node.begin()) {
            assertEquals(1, Rows.ids(txn, "app", "users").size());
            StrataException dup = assertThrows(StrataException.class,
                    () -> insert(txn, table, new Object[] {Rows.ids(txn, "app", "users").get(0), "dup"}));
            assertEquals(ErrorCode.ER_DUP_ENTRY, dup.code(), "the key index is rebuilt by replay");
        }
    }

    @Test
    void commitsSurviveFlushCheckpointAndRestart() {
        TableDefinition table = createUsers();
        commitRows(table, new Object[] {1L, "a"}, new Object[] {2L, "b"}, new Object[] {3L, "c"});
        node.flush();
        assertFalse(store.list("tables/").isEmpty(), "the flush wrote data objects");
        assertFalse(store.list("checkpoints/").isEmpty(), "the flush wrote a checkpoint");
        try (Transaction txn = node.begin()) {
            long rowId = Rows.scan(txn, "app", "users", true).stream().filter(row -> row.get(0).equals(2L))
                    .map(row -> (Long) row.get(2)).findFirst().orElseThrow();
            txn.delete(table.tableId(), new long[] {rowId});
            txn.commit();
        }
        commitRows(table, new Object[] {4L, "d"});
        reopen(false); // checkpoint + log replay
        try (Transaction txn = node.begin()) {
            assertEquals(List.of(1L, 3L, 4L), Rows.ids(txn, "app", "users"));
        }
        reopen(true); // everything in objects
        try (Transaction txn = node.begin()) {
            assertEquals(List.of(1L, 3L, 4L), Rows.ids(txn, "app", "users"));
            StrataException dup = assertThrows(StrataException.class, () -> insert(txn, table, new Object[] {3L, "dup"}));
            assertEquals(ErrorCode.ER_DUP_ENTRY, dup.code(), "the key index is rebuilt from objects");
            insert(txn, table, new Object[] {2L, "reused key of a deleted row"});
            txn.commit();
        }
        try (Transaction txn = node.begin()) {
            assertEquals(List.of(1L, 2L, 3L, 4L), Rows.ids(txn, "app", "users"));
        }
    }

    @Test
    void autoIncrementNeverRepeatsAcrossTransactionsAndRestarts() {
        TableDefinition table = createUsers();
        long first;
        long second;
        try (Transaction txn = node.begin()) {
            first = txn.allocateAutoIncrement(table.tableId(), 3);
            txn.rollback();
        }
        try (Transaction txn = node.begin()) {
            second = txn.allocateAutoIncrement(table.tableId(), 1);
            txn.observeAutoIncrement(table.tableId(), 5000);
            txn.commit();
        }
        assertEquals(1, first);
        assertEquals(4, second);
        reopen(false);
        try (Transaction txn = node.begin()) {
            assertTrue(txn.allocateAutoIncrement(table.tableId(), 1) > 5000);
        }
        reopen(true);
        try (Transaction txn = node.begin()) {
            assertTrue(txn.allocateAutoIncrement(table.tableId(), 1) > 5001);
        }
    }

    @Test
    void autoIncrementContinuesWithoutAGapAfterACleanRestart() {
        TableDefinition table = createUsers();
        try (Transaction txn = node.begin()) {
            assertEquals(1, txn.allocateAutoIncrement(table.tableId(), 3));
            txn.commit();
        }
        reopen(true);
        try (Transaction txn = node.begin()) {
            assertEquals(4, txn.allocateAutoIncrement(table.tableId(), 1), "MySQL 8 continues at the exact next value");
            txn.commit();
        }
        reopen(true); // a second clean restart with nothing new since the last checkpoint
        try (Transaction txn = node.begin()) {
            assertEquals(5, txn.allocateAutoIncrement(table.tableId(), 1));
        }
    }

    @Test
    void dropTableAndDatabase() {
        TableDefinition table = createUsers();
        commitRows(table, new Object[] {1L, "a"});
        try (Transaction txn = node.begin()) {
            txn.dropTable("APP", "users", false);
            assertTrue(txn.catalog().table("app", "users").isEmpty());
            StrataException error = assertThrows(StrataException.class, () -> txn.dropTable("app", "users", false));
            assertEquals(ErrorCode.ER_BAD_TABLE_ERROR, error.code());
            txn.dropTable("app", "users", true);
            txn.commit();
        }
        TableDefinition again;
        try (Transaction txn = node.begin()) {
            again = txn.createTable(USERS, false);
            assertTrue(again.tableId() != table.tableId());
            assertEquals(List.of(), Rows.ids(txn, "app", "users"));
            txn.commit();
        }
        commitRows(again, new Object[] {9L, "z"});
        try (Transaction txn = node.begin()) {
            txn.dropDatabase("app", false);
            assertTrue(txn.catalog().tables("app").isEmpty());
            txn.commit();
        }
        reopen(false);
        try (Transaction txn = node.begin()) {
            assertFalse(txn.catalog().databaseExists("app"));
            StrataException error = assertThrows(StrataException.class, () -> txn.dropDatabase("app", false));
            assertEquals(ErrorCode.ER_DB_DROP_EXISTS, error.code());
        }
    }

    @Test
    void concurrentDdlConflictsAtCommit() {
        try (Transaction setup = node.begin()) {
            setup.createDatabase("app", false);
            setup.commit();
        }
        try (Transaction t1 = node.begin(); Transaction t2 = node.begin()) {
            t1.createTable(USERS, false);
            t2.createTable(USERS, false);
            t1.commit();
            StrataException error = assertThrows(StrataException.class, t2::commit);
            assertEquals(ErrorCode.ER_TABLE_EXISTS_ERROR, error.code());
        }
        TableDefinition table;
        try (Transaction txn = node.begin()) {
            table = txn.catalog().table("app", "users").orElseThrow();
        }
        try (Transaction writer = node.begin(); Transaction dropper = node.begin()) {
            insert(writer, table, new Object[] {1L, "a"});
            dropper.dropTable("app", "users", false);
            dropper.commit();
            StrataException error = assertThrows(StrataException.class, writer::commit);
            assertEquals(ErrorCode.ER_LOCK_DEADLOCK, error.code(), "writing into a table dropped meanwhile");
        }
    }

    @Test
    void readOnlyTransactionsWriteNoLogRecord() throws Exception {
        TableDefinition table = createUsers();
        commitRows(table, new Object[] {1L, "a"});
        long logBytes;
        try (var files = java.nio.file.Files.list(dir.resolve("log"))) {
            logBytes = files.mapToLong(path -> path.toFile().length()).sum();
        }
        try (Transaction txn = node.begin()) {
            assertEquals(List.of(1L), Rows.ids(txn, "app", "users"));
            assertEquals(txn.snapshotTs(), txn.commit());
        }
        try (var files = java.nio.file.Files.list(dir.resolve("log"))) {
            assertEquals(logBytes, files.mapToLong(path -> path.toFile().length()).sum());
        }
    }

    @Test
    void rollbackToSavepointUndoesAFailedStatementOnly() {
        TableDefinition table = createUsers();
        commitRows(table, new Object[] {1L, "a"}, new Object[] {2L, "b"});
        try (Transaction txn = node.begin()) {
            insert(txn, table, new Object[] {3L, "c"});
            long statement = txn.savepoint();
            // An UPDATE that moves key 1 onto key 2: the delete lands, then the insert fails.
            long rowOf1 = Rows.scan(txn, "app", "users", true).stream().filter(row -> row.get(0).equals(1L))
                    .map(row -> (Long) row.get(2)).findFirst().orElseThrow();
            long rowOf3 = Rows.scan(txn, "app", "users", true).stream().filter(row -> row.get(0).equals(3L))
                    .map(row -> (Long) row.get(2)).findFirst().orElseThrow();
            txn.delete(table.tableId(), new long[] {rowOf1, rowOf3});
            insert(txn, table, new Object[] {4L, "d"});
            assertThrows(StrataException.class, () -> insert(txn, table, new Object[] {2L, "clash"}));
            assertEquals(List.of(2L, 4L), Rows.ids(txn, "app", "users"));
            txn.rollbackToSavepoint(statement);
            assertEquals(List.of(1L, 2L, 3L), Rows.ids(txn, "app", "users"));
            StrataException dup = assertThrows(StrataException.class, () -> insert(txn, table, new Object[] {3L, "again"}));
            assertEquals(ErrorCode.ER_DUP_ENTRY, dup.code(), "the restored own row still holds its key");
            insert(txn, table, new Object[] {4L, "d2"});
            txn.commit();
        }
        try (Transaction txn = node.begin()) {
            assertEquals(List.of(1L, 2L, 3L, 4L), Rows.ids(txn, "app", "users"));
        }
    }

    @Test
    void aLostLogDirectoryContinuesAboveTheCheckpoint() throws Exception {
        TableDefinition table = createUsers();
        commitRows(table, new Object[] {1L, "a"});
        node.close(); // checkpoint covers everything
        try (var files = java.nio.file.Files.list(dir.resolve("log"))) {
            for (Path file : files.toList()) {
                java.nio.file.Files.delete(file);
            }
        }
        node = open();
        commitRows(table, new Object[] {2L, "b"});
        reopen(false); // the new commit must be replayed, not skipped as "covered by the checkpoint"
        try (Transaction txn = node.begin()) {
            assertEquals(List.of(1L, 2L), Rows.ids(txn, "app", "users"));
        }
    }
}
