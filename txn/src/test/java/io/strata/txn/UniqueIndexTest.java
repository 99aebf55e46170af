package io.strata.txn;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.type.DataType;
import io.strata.txn.catalog.ColumnDefinition;
import io.strata.txn.catalog.IndexDefinition;
import io.strata.txn.catalog.TableDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** UNIQUE indexes: checked against the workspace, committed rows and concurrent commits, kept across restarts. */
@Timeout(120)
class UniqueIndexTest extends NodeTestBase {
    /** people(id PK, email UNIQUE `email`, city, zip, UNIQUE `place` (city, zip)). */
    static final TableDefinition PEOPLE = new TableDefinition(0, "app", "people",
            List.of(new ColumnDefinition("id", DataType.BIGINT, false, null, false),
                    new ColumnDefinition("email", DataType.varchar(40), true, null, false),
                    new ColumnDefinition("city", DataType.varchar(20), true, null, false),
                    new ColumnDefinition("zip", DataType.BIGINT, true, null, false)),
            List.of(0), "",
            List.of(new IndexDefinition("email", List.of(1), true),
                    new IndexDefinition("by_city", List.of(2), false),
                    new IndexDefinition("place", List.of(2, 3), true)));
    TableDefinition table;

    @BeforeEach
    void createPeople() {
        table = createTable(PEOPLE);
    }

    static Object[] person(long id, String email, String city, Long zip) {
        return new Object[] {id, email, city, zip};
    }

    void insert(Transaction txn, Object[]... rows) {
        insertRows(txn, table, rows);
    }

    void commitRows(Object[]... rows) {
        commitRows(table, rows);
    }

    static StrataException duplicate(String key, Runnable action) {
        StrataException e = assertThrows(StrataException.class, action::run);
        assertEquals(ErrorCode.ER_DUP_ENTRY, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("for key '" + key + "'"), e.getMessage());
        return e;
    }

    /** Deletes the rows {@code which} picks (by their visible values) in {@code txn}. */
    void delete(Transaction txn, Predicate<List<Object>> which) {
        List<Long> rowIds = new ArrayList<>();
        for (List<Object> row : Rows.scan(txn, "app", "people", true)) {
            if (which.test(row)) {
                rowIds.add((Long) row.get(row.size() - 1));
            }
        }
        txn.delete(table.tableId(), rowIds.stream().mapToLong(Long::longValue).toArray());
    }

    List<Long> ids() {
        try (Transaction txn = node.begin()) {
            return Rows.ids(txn, "app", "people");
        }
    }

    @Test
    void duplicatesAreRefusedInTheBatchTheWorkspaceAndCommittedRows() {
        commitRows(person(1, "a@x", "Oslo", 1L));
        try (Transaction txn = node.begin()) {
            StrataException e = duplicate("people.email", () -> insert(txn, person(2, "a@x", "Rome", 2L)));
            assertTrue(e.getMessage().startsWith("Duplicate entry 'a@x'"), e.getMessage());
            duplicate("people.email", () -> insert(txn, person(3, "b@x", "Rome", 3L), person(4, "b@x", "Rome", 4L)));
            insert(txn, person(5, "c@x", "Rome", 5L));
            duplicate("people.email", () -> insert(txn, person(6, "c@x", "Bern", 6L)));
            StrataException multi = duplicate("people.place", () -> insert(txn, person(7, "d@x", "Oslo", 1L)));
            assertTrue(multi.getMessage().startsWith("Duplicate entry 'Oslo-1'"), multi.getMessage());
            txn.commit();
        }
        assertEquals(List.of(1L, 5L), ids(), "failed inserts left nothing behind");
    }

    @Test
    void keysWithANullPartNeverConflict() {
        commitRows(person(1, null, "Oslo", null), person(2, null, "Oslo", null), person(3, null, null, 7L));
        commitRows(person(4, null, null, 7L), person(5, null, "Oslo", null));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), ids());
    }

    @Test
    void aKeyFreedByADeleteCanBeTakenAgainAndAFailedStatementLeavesItsKeysFree() {
        commitRows(person(1, "a@x", "Oslo", 1L), person(2, "b@x", "Oslo", 2L));
        try (Transaction txn = node.begin()) {
            delete(txn, row -> row.get(0).equals(1L));
            insert(txn, person(10, "a@x", "Oslo", 1L)); // the row that held both keys is deleted in this transaction
            long savepoint = txn.savepoint();
            insert(txn, person(11, "c@x", "Rome", 1L));
            txn.rollbackToSavepoint(savepoint);
            insert(txn, person(12, "c@x", "Rome", 1L)); // rolled back: the key is free again
            delete(txn, row -> row.get(0).equals(12L));
            insert(txn, person(13, "c@x", "Rome", 1L)); // deleted own row: free again
            txn.commit();
        }
        assertEquals(List.of(2L, 10L, 13L), ids());
        try (Transaction txn = node.begin()) {
            duplicate("people.email", () -> insert(txn, person(20, "c@x", "Kyiv", 9L)));
        }
    }

    @Test
    void concurrentInsertsOfOneKeyLetOnlyTheFirstCommit() {
        try (Transaction first = node.begin(); Transaction second = node.begin()) {
            insert(first, person(1, "a@x", "Oslo", 1L));
            insert(second, person(2, "a@x", "Rome", 2L)); // not visible to each other yet
            first.commit();
            duplicate("people.email", second::commit);
        }
        try (Transaction late = node.begin()) {
            try (Transaction early = node.begin()) {
                commitRows(person(3, "b@x", "Bern", 3L));
                // committed after `early` began: a write-write conflict, as for primary keys
                StrataException e = assertThrows(StrataException.class, () -> insert(early, person(4, "b@x", "Kyiv", 4L)));
                assertEquals(ErrorCode.ER_LOCK_DEADLOCK, e.code());
            }
            duplicate("people.email", () -> insert(late, person(5, "a@x", "Kyiv", 5L)));
        }
        assertEquals(List.of(1L, 3L), ids());
    }

    @Test
    void aConcurrentDeleteOfTheHolderFreesTheKeyAtCommit() {
        commitRows(person(1, "a@x", "Oslo", 1L));
        try (Transaction deleter = node.begin(); Transaction inserter = node.begin()) {
            delete(deleter, row -> row.get(0).equals(1L));
            deleter.commit();
            insert(inserter, person(2, "a@x", "Oslo", 1L));
            inserter.commit();
        }
        assertEquals(List.of(2L), ids());
    }

    @Test
    void createUniqueIndexChecksLiveRowsAndThenEnforces() {
        commitRows(person(1, "a@x", "Oslo", 1L), person(2, "b@x", "Oslo", 2L), person(3, "c@x", "Rome", 3L));
        try (Transaction txn = node.begin()) {
            delete(txn, row -> row.get(0).equals(3L));
            txn.commit();
        }
        commitRows(person(4, "c@x", "Bern", 3L)); // a deleted row's city does not count below
        IndexDefinition byCity = new IndexDefinition("one_per_city", List.of(2), true);
        try (Transaction txn = node.begin()) {
            txn.createIndex("app", "people", byCity);
            duplicate("people.one_per_city", txn::commit);
        }
        IndexDefinition byZip = new IndexDefinition("one_per_zip", List.of(3), true);
        try (Transaction txn = node.begin()) {
            txn.createIndex("app", "people", byZip);
            StrataException taken = assertThrows(StrataException.class, () -> txn.createIndex("app", "people", byZip));
            assertEquals(ErrorCode.ER_DUP_KEYNAME, taken.code());
            txn.commit();
        }
        try (Transaction txn = node.begin()) {
            duplicate("people.one_per_zip", () -> insert(txn, person(5, "e@x", "Kyiv", 2L)));
            insert(txn, person(6, "f@x", "Kyiv", 9L));
            txn.commit();
        }
        try (Transaction txn = node.begin()) {
            txn.dropIndex("app", "people", "ONE_PER_ZIP");
            StrataException missing = assertThrows(StrataException.class, () -> txn.dropIndex("app", "people", "one_per_zip"));
            assertEquals(ErrorCode.ER_CANT_DROP_FIELD_OR_KEY, missing.code());
            txn.commit();
        }
        commitRows(person(7, "g@x", "Lima", 9L)); // the dropped index no longer applies
        assertEquals(List.of(1L, 2L, 4L, 6L, 7L), ids());
    }

    @Test
    void writesPreparedForOldIndexesConflictWithAConcurrentIndexChange() {
        commitRows(person(1, "a@x", "Oslo", 1L));
        try (Transaction writer = node.begin()) {
            insert(writer, person(2, "b@x", "Oslo", 5L));
            try (Transaction ddl = node.begin()) {
                ddl.createIndex("app", "people", new IndexDefinition("one_per_city", List.of(2), true));
                ddl.commit(); // no committed duplicates yet
            }
            StrataException e = assertThrows(StrataException.class, writer::commit);
            assertEquals(ErrorCode.ER_LOCK_DEADLOCK, e.code());
        }
        try (Transaction txn = node.begin()) {
            duplicate("people.one_per_city", () -> insert(txn, person(2, "b@x", "Oslo", 5L)));
        }
    }

    @Test
    void enforcementSurvivesRestartsFromTheLogAndFromObjects() {
        commitRows(person(1, "a@x", "Oslo", 1L), person(2, "b@x", "Rome", 2L));
        try (Transaction txn = node.begin()) {
            txn.createIndex("app", "people", new IndexDefinition("one_per_zip", List.of(3), true));
            txn.commit();
        }
        try (Transaction txn = node.begin()) {
            delete(txn, row -> row.get(0).equals(2L));
            txn.commit();
        }
        for (boolean clean : new boolean[] {false, true}) { // replayed from the log, then read from objects
            reopen(clean);
            try (Transaction txn = node.begin()) {
                duplicate("people.email", () -> insert(txn, person(3, "a@x", "Kyiv", 3L)));
                duplicate("people.place", () -> insert(txn, person(4, "z@x", "Oslo", 1L)));
                duplicate("people.one_per_zip", () -> insert(txn, person(5, "y@x", "Kyiv", 1L)));
            }
        }
        commitRows(person(6, "b@x", "Rome", 2L)); // row 2's keys were freed by its delete
        assertEquals(List.of(1L, 6L), ids());
    }

    @Test
    void rowsAMergeDropsNoLongerHoldTheirKeys() {
        commitRows(person(1, "a@x", "Oslo", 1L), person(2, "b@x", "Oslo", 2L));
        node.flush();
        commitRows(person(3, "c@x", "Oslo", 3L));
        node.flush();
        try (Transaction txn = node.begin()) {
            delete(txn, row -> row.get(0).equals(1L));
            txn.commit();
        }
        node.flush();
        assertEquals(1, node.mergeNow());
        commitRows(person(100, "later@x", "Lima", 100L));
        node.flush(); // a second checkpoint: none kept lists the replaced objects any more
        assertTrue(node.reclaimObjects() > 0, "the merged-away objects are deleted and their dropped rows forgotten");
        assertEquals(0, node.tableData(table.tableId()).tombstoneCount(), "the dropped row's tombstone is forgotten");
        commitRows(person(4, "a@x", "Oslo", 1L)); // the forgotten row must not look live
        try (Transaction txn = node.begin()) {
            duplicate("people.email", () -> insert(txn, person(5, "b@x", "Rome", 9L)));
        }
        assertEquals(List.of(2L, 3L, 4L, 100L), ids());
    }
}
