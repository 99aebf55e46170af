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

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Text primary keys and UNIQUE keys compare under the default collation (case- and accent-insensitive,
 * as utf8mb4_0900_ai_ci): in the workspace, against the logtail and objects, between concurrent commits
 * and after restarts.
 */
@Timeout(120)
class TextKeyCollationTest extends NodeTestBase {
    /** words(w VARCHAR PK, tag VARCHAR UNIQUE `tag`). */
    static final TableDefinition WORDS = new TableDefinition(0, "app", "words",
            List.of(new ColumnDefinition("w", DataType.varchar(20), false, null, false),
                    new ColumnDefinition("tag", DataType.varchar(20), true, null, false)),
            List.of(0), "", List.of(new IndexDefinition("tag", List.of(1), true)));
    TableDefinition table;

    @BeforeEach
    void createWords() {
        table = createTable(WORDS);
    }

    void insert(Transaction txn, String word, String tag) {
        insertRows(txn, table, new Object[] {word, tag});
    }

    void commit(String word, String tag) {
        commitRows(table, new Object[] {word, tag});
    }

    static void duplicate(String entry, String key, Runnable action) {
        StrataException e = assertThrows(StrataException.class, action::run);
        assertEquals(ErrorCode.ER_DUP_ENTRY, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("Duplicate entry '" + entry + "' for key '" + key + "'"), e.getMessage());
    }

    List<List<Object>> rows() {
        try (Transaction txn = node.begin()) {
            return Rows.scan(txn, "app", "words", false);
        }
    }

    @Test
    void spellingsOfOneKeyAreDuplicatesInTheWorkspaceAndTheLogtail() {
        try (Transaction txn = node.begin()) {
            insert(txn, "Straße", "x");
            duplicate("straße", "words.PRIMARY", () -> insert(txn, "straße", "y"));
            duplicate("X", "words.tag", () -> insert(txn, "other", "X"));
            txn.commit();
        }
        try (Transaction txn = node.begin()) {
            duplicate("STRAßE", "words.PRIMARY", () -> insert(txn, "STRAßE", "z"));
            duplicate("Résumé", "words.PRIMARY", () -> {
                insert(txn, "resume", "r1");
                insert(txn, "Résumé", "r2");
            });
        }
        assertEquals(List.of(List.of("Straße", "x")), rows());
    }

    @Test
    void concurrentInsertsOfTwoSpellingsLetOnlyTheFirstCommit() {
        try (Transaction first = node.begin(); Transaction second = node.begin()) {
            insert(first, "apple", "a");
            insert(second, "APPLE", "b"); // neither sees the other yet
            first.commit();
            StrataException e = assertThrows(StrataException.class, second::commit);
            assertTrue(e.code() == ErrorCode.ER_DUP_ENTRY || e.code() == ErrorCode.ER_LOCK_DEADLOCK, e.getMessage());
        }
        try (Transaction first = node.begin(); Transaction second = node.begin()) {
            insert(first, "pear", "Green");
            insert(second, "plum", "GREEN");
            first.commit();
            duplicate("GREEN", "words.tag", second::commit);
        }
        assertEquals(List.of(List.of("apple", "a"), List.of("pear", "Green")), rows());
    }

    @Test
    void keysInFlushedObjectsAndAfterRestartsStillCollate() {
        commit("Kiwi", "Fruit");
        node.flush(); // the key now lives in an object's key filter, hashed folded
        try (Transaction txn = node.begin()) {
            duplicate("kiwi", "words.PRIMARY", () -> insert(txn, "kiwi", "f2"));
            duplicate("FRUIT", "words.tag", () -> insert(txn, "lime", "FRUIT"));
        }
        commit("Melon", "m");
        for (boolean clean : new boolean[] {false, true}) { // replayed from the log, then read from objects
            reopen(clean);
            try (Transaction txn = node.begin()) {
                duplicate("KIWI", "words.PRIMARY", () -> insert(txn, "KIWI", "k"));
                duplicate("mélon", "words.PRIMARY", () -> insert(txn, "mélon", "k"));
                duplicate("fruit", "words.tag", () -> insert(txn, "fig", "fruit"));
            }
        }
        try (Transaction txn = node.begin()) {
            long kiwi = Rows.scan(txn, "app", "words", true).stream().filter(row -> row.get(0).equals("Kiwi"))
                    .map(row -> (Long) row.get(2)).findFirst().orElseThrow();
            txn.delete(table.tableId(), new long[] {kiwi});
            insert(txn, "KIWI", "Fruit"); // the deleted row's keys are free, in any spelling
            txn.commit();
        }
        assertEquals(List.of(List.of("KIWI", "Fruit"), List.of("Melon", "m")),
                rows().stream().sorted((a, b) -> ((String) a.get(0)).compareToIgnoreCase((String) b.get(0))).toList());
    }
}
