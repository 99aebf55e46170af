package io.strata.sql;

import io.strata.common.session.StatementResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Range predicates read only the blocks (and logtail segments) whose zone maps admit them, shown with
 * the counters of SHOW STATUS; and the pruning never changes a result.
 */
class ZoneMapPruningTest extends SessionFixture {
    private static final int ROWS = 30_000; // 4 blocks of 8192 rows once flushed

    @BeforeEach
    void load() {
        ok("CREATE DATABASE shop");
        ok("USE shop");
        ok("CREATE TABLE t (id INT PRIMARY KEY, v INT, d DOUBLE)");
        for (int start = 0; start < ROWS; start += 1000) {
            StringBuilder insert = new StringBuilder("INSERT INTO t VALUES ");
            for (int id = start; id < start + 1000; id++) {
                insert.append(id == start ? "" : ",").append('(').append(id).append(',')
                        .append(id % 10 == 0 ? "NULL" : String.valueOf(id % 100)).append(',').append(id / 10.0).append(')');
            }
            ok(insert.toString());
        }
        node.flush();
    }

    private long status(String name) {
        List<List<Object>> rows = rows("SHOW STATUS LIKE '" + name + "'");
        assertEquals(1, rows.size(), name);
        return Long.parseLong(rows.get(0).get(1).toString());
    }

    @Test
    void aRangeOnTheSortedKeyReadsOnlyTheBlockHoldingIt() {
        long readBefore = status("Strata_scan_blocks_read");
        long prunedBefore = status("Strata_scan_blocks_pruned");
        assertEquals(List.of(List.of(101L, new java.math.BigDecimal(20050L * 101))), rows("SELECT COUNT(*), SUM(id) FROM t WHERE id BETWEEN 20000 AND 20100"));
        assertEquals(1, status("Strata_scan_blocks_read") - readBefore, "only block 2 (ids 16384..24575) is read");
        assertEquals(3, status("Strata_scan_blocks_pruned") - prunedBefore);
    }

    @Test
    void preparedRangesPruneWithTheirParameters() {
        var info = session.prepare("SELECT COUNT(*) FROM t WHERE id >= ? AND id < ?");
        long readBefore = status("Strata_scan_blocks_read");
        try (StatementResult.Rows rows = (StatementResult.Rows) session.executePrepared(info.statementId(), List.of(25_000L, 25_010L))) {
            assertEquals(10L, ((Number) rows.rows().next()[0]).longValue());
        }
        assertEquals(1, status("Strata_scan_blocks_read") - readBefore);
    }

    @Test
    void logtailSegmentsOutsideTheRangeAreSkipped() {
        for (int start = ROWS; start < ROWS + 5000; start += 1000) {
            StringBuilder insert = new StringBuilder("INSERT INTO t VALUES ");
            for (int id = start; id < start + 1000; id++) {
                insert.append(id == start ? "" : ",").append('(').append(id).append(",1,1.0)");
            }
            ok(insert.toString()); // one logtail segment per statement
        }
        long before = status("Strata_scan_logtail_segments_pruned");
        assertEquals(List.of(List.of(3L)), rows("SELECT COUNT(*) FROM t WHERE id IN (32000, 32001) OR id = 32999"));
        assertEquals(List.of(List.of(5L)), rows("SELECT COUNT(*) FROM t WHERE id > 32994 AND id <= 32999"));
        assertTrue(status("Strata_scan_logtail_segments_pruned") - before >= 4, "four of five segments lie outside the range");
    }

    @Test
    void pruningNeverChangesAResult() {
        // Strict bounds, NULLs in the range column, bounds of other types and a rounding cast.
        assertEquals(List.of(List.of(expectedCount(v -> v != null && v > 10 && v < 20))),
                rows("SELECT COUNT(*) FROM t WHERE v > 10 AND v < 20"));
        assertEquals(List.of(List.of(1L)), rows("SELECT COUNT(*) FROM t WHERE id = 4999.0"));
        assertEquals(List.of(List.of(0L)), rows("SELECT COUNT(*) FROM t WHERE id = 4999.5"));
        assertEquals(List.of(List.of(1L)), rows("SELECT COUNT(*) FROM t WHERE id BETWEEN 4998.5 AND 4999.5"));
        assertEquals(List.of(List.of(2L)), rows("SELECT COUNT(*) FROM t WHERE id BETWEEN 4997.5 AND 4999.5"));
        assertEquals(List.of(List.of(3L)), rows("SELECT COUNT(*) FROM t WHERE id >= '29997'"));
        // d = id / 10: CAST(d AS DECIMAL(10, 0)) rounds 4.5..5.4 to 5 (ids 45..54), which a range on d must not lose.
        assertEquals(List.of(List.of(10L)), rows("SELECT COUNT(*) FROM t WHERE CAST(d AS DECIMAL(10, 0)) = 5"));
        assertEquals(List.of(List.of(5L)), rows("SELECT COUNT(*) FROM t WHERE d BETWEEN 10 AND 10.4"));
    }

    @Test
    void aRoundingCastOnTheKeyIsNoKeyLookup() {
        ok("CREATE TABLE k (d DOUBLE PRIMARY KEY)");
        ok("INSERT INTO k VALUES (4.6), (5.0), (5.4), (5.6)");
        // 4.6, 5.0 and 5.4 round to 5: a lookup of key 5 would find only one of them.
        assertEquals(List.of(List.of(3L)), rows("SELECT COUNT(*) FROM k WHERE CAST(d AS DECIMAL(10, 0)) = 5"));
        assertEquals(List.of(List.of(1L)), rows("SELECT COUNT(*) FROM k WHERE d = 5"));
    }

    private static long expectedCount(java.util.function.Predicate<Integer> predicate) {
        List<Integer> values = new ArrayList<>();
        for (int id = 0; id < ROWS; id++) {
            values.add(id % 10 == 0 ? null : id % 100);
        }
        return values.stream().filter(predicate).count();
    }
}
