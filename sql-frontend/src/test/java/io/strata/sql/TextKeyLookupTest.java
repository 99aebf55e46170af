package io.strata.sql;

import io.strata.common.session.StatementResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Point lookups on a text primary key go through the key index under the default collation: any
 * spelling finds the row, in the logtail, in objects and in the transaction's own writes, and give the
 * rows a scan with the same condition gives.
 */
class TextKeyLookupTest extends SessionFixture {
    private int byKey;
    private int byScan;

    @BeforeEach
    void createTags() {
        ok("CREATE DATABASE d");
        ok("USE d");
        ok("CREATE TABLE tags (code VARCHAR(10) PRIMARY KEY, n INT)");
        ok("INSERT INTO tags VALUES ('abc', 1), ('Café', 2), ('5', 3), ('05', 4), ('x ', 5)");
        byKey = session.prepare("SELECT n FROM tags WHERE code = ?").statementId();
        // CONCAT hides the key from the lookup matcher: the same condition, answered by a scan
        byScan = session.prepare("SELECT n FROM tags WHERE CONCAT(code, '') = ?").statementId();
    }

    private List<List<Object>> executed(int statementId, Object parameter) {
        try (StatementResult result = session.executePrepared(statementId, Arrays.asList(parameter))) {
            StatementResult.Rows rows = (StatementResult.Rows) result;
            List<List<Object>> out = new ArrayList<>();
            while (rows.rows().hasNext()) {
                out.add(new ArrayList<>(Arrays.asList(rows.rows().next())));
            }
            out.sort(Comparator.comparing(Object::toString));
            return out;
        }
    }

    private void sameAsScan(Object parameter, List<List<Object>> expected) {
        assertEquals(expected, executed(byKey, parameter), "by key: " + parameter);
        assertEquals(expected, executed(byScan, parameter), "by scan: " + parameter);
    }

    @Test
    void anySpellingFindsTheRowAsTheFilterWould() {
        sameAsScan("ABC", List.of(row(1L)));
        sameAsScan("cafe", List.of(row(2L)));
        sameAsScan("CAFÉ", List.of(row(2L)));
        sameAsScan("x", List.of());        // trailing spaces count (NO PAD)
        sameAsScan("x ", List.of(row(5L)));
        sameAsScan("abcdefghijklmnop", List.of()); // longer than the column: no row holds it
        assertEquals(List.of(row(1L)), rows("SELECT n FROM tags WHERE code = 'aBc'"));
    }

    @Test
    void aNumberBoundToATextKeyScansAsTheFilterDecides() {
        // Whatever the filter makes of text = number (MySQL compares numbers: '05' = 5), the lookup agrees.
        List<List<Object>> expected = executed(byScan, 5L);
        assertEquals(expected, executed(byKey, 5L));
        assertEquals(expected, executed(byKey, 5L), "the kept plan as well");
    }

    @Test
    void lookupsSeeFlushedRowsOwnWritesAndKeyedUpdatesAndDeletes() {
        node.flush(); // the keys now live in an object
        sameAsScan("Abc", List.of(row(1L)));
        ok("BEGIN");
        ok("INSERT INTO tags VALUES ('New', 6)");
        ok("UPDATE tags SET n = 10 WHERE code = 'ABC'");
        ok("DELETE FROM tags WHERE code = 'cafe'");
        assertEquals(List.of(row(6L)), executed(byKey, "NEW"));
        assertEquals(List.of(row(10L)), executed(byKey, "abc"));
        assertEquals(List.of(), executed(byKey, "Café"));
        ok("ROLLBACK");
        sameAsScan("new", List.of());
        sameAsScan("abc", List.of(row(1L)));
        sameAsScan("café", List.of(row(2L)));
    }
}
