package io.strata.txn;

import io.strata.common.type.ArrowValues;
import io.strata.txn.catalog.IndexDefinition;
import io.strata.txn.catalog.TableDefinition;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Lookups by UNIQUE key ({@link TableSnapshot#lookupUnique}) answer as a scan at the same snapshot would:
 * through the index when it decides, by scanning when the key was taken again after the snapshot.
 */
@Timeout(120)
class UniqueLookupTest extends NodeTestBase {
    TableDefinition table;

    @BeforeEach
    void createPeople() {
        table = createTable(UniqueIndexTest.PEOPLE);
    }

    void insert(Transaction txn, Object[]... rows) {
        insertRows(txn, table, rows);
    }

    void commitRows(Object[]... rows) {
        commitRows(table, rows);
    }

    void deleteIds(Transaction txn, long... ids) {
        List<Long> rowIds = new ArrayList<>();
        for (List<Object> row : Rows.scan(txn, "app", "people", true)) {
            if (Arrays.stream(ids).anyMatch(id -> row.get(0).equals(id))) {
                rowIds.add((Long) row.get(row.size() - 1));
            }
        }
        txn.delete(table.tableId(), rowIds.stream().mapToLong(Long::longValue).toArray());
    }

    /** The ids of the rows a lookup by {@code index} key {@code key} returns. */
    static List<Long> idsByKey(Transaction txn, String index, Object... key) {
        List<Long> ids = new ArrayList<>();
        try (BatchReader reader = txn.table("app", "people").lookupUnique(index, new int[] {0, 1}, false, Arrays.asList(key))) {
            VectorSchemaRoot batch;
            while ((batch = reader.next()) != null) {
                for (int row = 0; row < batch.getRowCount(); row++) {
                    ids.add((Long) ArrowValues.get(batch.getVector(0), row));
                }
            }
        }
        return ids;
    }

    @Test
    void findsTheLiveRowByAnySpellingAndNothingForAbsentOrNullKeys() {
        commitRows(UniqueIndexTest.person(1, "Ann@x", "Oslo", 1L), UniqueIndexTest.person(2, "bob@x", "Oslo", 2L));
        node.flush();
        commitRows(UniqueIndexTest.person(3, "cy@x", "Rome", 3L));
        try (Transaction txn = node.begin()) {
            assertEquals(List.of(1L), idsByKey(txn, "email", "ann@X"));
            assertEquals(List.of(3L), idsByKey(txn, "email", "cy@x"));
            assertEquals(List.of(2L), idsByKey(txn, "place", "OSLO", 2L));
            assertEquals(List.of(), idsByKey(txn, "email", "nobody@x"));
            assertEquals(List.of(), idsByKey(txn, "place", "Oslo", null));
            assertThrows(IllegalArgumentException.class, () -> idsByKey(txn, "by_city", "Oslo"), "not UNIQUE");
        }
    }

    @Test
    void anOlderSnapshotSeesTheRowThatHeldTheKeyThen() {
        commitRows(UniqueIndexTest.person(1, "a@x", "Oslo", 1L));
        try (Transaction old = node.begin()) {
            assertEquals(List.of(1L), idsByKey(old, "email", "a@x"));
            try (Transaction txn = node.begin()) { // the key moves to a new row
                deleteIds(txn, 1);
                insert(txn, UniqueIndexTest.person(5, "a@x", "Rome", 5L));
                txn.commit();
            }
            try (Transaction txn = node.begin()) { // and row 2 takes a key row 1 never had
                insert(txn, UniqueIndexTest.person(2, "b@x", "Kyiv", 2L));
                txn.commit();
            }
            assertEquals(List.of(1L), idsByKey(old, "email", "a@x"), "the newer holder is not visible: scanned");
            assertEquals(List.of(), idsByKey(old, "email", "b@x"));
        }
        try (Transaction now = node.begin()) {
            assertEquals(List.of(5L), idsByKey(now, "email", "a@x"));
            assertEquals(List.of(2L), idsByKey(now, "email", "b@x"));
        }
    }

    @Test
    void aTransactionSeesItsOwnInsertsAndDeletes() {
        commitRows(UniqueIndexTest.person(1, "a@x", "Oslo", 1L), UniqueIndexTest.person(2, "b@x", "Oslo", 2L));
        try (Transaction txn = node.begin()) {
            insert(txn, UniqueIndexTest.person(3, "c@x", "Rome", 3L));
            deleteIds(txn, 2);
            assertEquals(List.of(3L), idsByKey(txn, "email", "C@x"));
            assertEquals(List.of(), idsByKey(txn, "email", "b@x"));
            insert(txn, UniqueIndexTest.person(4, "b@x", "Bern", 4L));
            assertEquals(List.of(4L), idsByKey(txn, "email", "b@x"));
            try (Transaction other = node.begin()) {
                assertEquals(List.of(2L), idsByKey(other, "email", "b@x"), "uncommitted changes are the writer's own");
                assertEquals(List.of(), idsByKey(other, "email", "c@x"));
            }
        }
    }

    @Test
    void anIndexMadeAgainAfterASnapshotDoesNotAnswerForIt() {
        commitRows(UniqueIndexTest.person(1, "a@x", "Oslo", 1L), UniqueIndexTest.person(2, "b@x", "Rome", 2L));
        IndexDefinition zip = new IndexDefinition("one_per_zip", List.of(3), true);
        try (Transaction txn = node.begin()) {
            txn.createIndex("app", "people", zip);
            txn.commit();
        }
        try (Transaction old = node.begin()) {
            try (Transaction txn = node.begin()) {
                txn.dropIndex("app", "people", "one_per_zip");
                txn.commit();
            }
            try (Transaction txn = node.begin()) {
                deleteIds(txn, 2);
                txn.commit();
            }
            try (Transaction txn = node.begin()) { // made again from the live rows: row 2 is not in it
                txn.createIndex("app", "people", zip);
                txn.commit();
            }
            assertEquals(List.of(2L), idsByKey(old, "one_per_zip", 2L), "the old snapshot still sees row 2");
        }
        try (Transaction now = node.begin()) {
            assertEquals(List.of(), idsByKey(now, "one_per_zip", 2L));
            assertEquals(List.of(1L), idsByKey(now, "one_per_zip", 1L));
        }
    }
}
