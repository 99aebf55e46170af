package io.strata.sql;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** EXPLAIN ANALYZE runs the query and shows each operator's rows, batches and time; the rows are not returned. */
class ExplainAnalyzeTest extends SessionFixture {
    private static final Pattern PROFILE = Pattern.compile(
            "^( *)-> (.*)  \\(actual rows=(\\d+) batches=(\\d+) time=(\\d+\\.\\d{3}) ms\\)$");

    private List<Matcher> analyzed(String sql) {
        return rows("EXPLAIN ANALYZE " + sql).stream().map(row -> {
            Matcher m = PROFILE.matcher((String) row.get(0));
            assertTrue(m.matches(), "not an analyzed operator line: " + row.get(0));
            return m;
        }).toList();
    }

    @Test
    void eachOperatorShowsTheRowsItReturned() {
        ok("CREATE DATABASE d");
        ok("USE d");
        ok("CREATE TABLE t (id INT PRIMARY KEY, k INT, name VARCHAR(10))");
        ok("INSERT INTO t VALUES (1, 10, 'a'), (2, 20, 'b'), (3, 30, 'c'), (4, 40, 'd'), (5, 50, 'e')");
        ok("CREATE TABLE u (id INT PRIMARY KEY, t_id INT)");
        ok("INSERT INTO u VALUES (1, 2), (2, 4), (3, 4), (4, 9)");

        List<Matcher> lines = analyzed("SELECT name FROM t WHERE k > 15 ORDER BY name DESC LIMIT 3");
        assertEquals(List.of("Limit: 3 row(s)", "Sort: name DESC", "Project: name", "Filter: (k > 15)"),
                lines.subList(0, 4).stream().map(m -> m.group(2)).toList());
        assertTrue(lines.get(4).group(2).startsWith("Table scan on d.t"), lines.get(4).group(2));
        assertEquals(List.of(3L, 3L, 4L, 4L, 4L), lines.stream().map(m -> Long.parseLong(m.group(3))).toList(),
                "limit, top-3 sort, projection, filter of the 4 rows with k > 15, and the scan, whose range on k "
                        + "already left out k = 10");
        for (int i = 1; i < lines.size(); i++) {
            assertEquals(4 * i, lines.get(i).group(1).length(), "an input is indented below its reader");
        }

        List<Matcher> join = analyzed("SELECT t.name FROM t JOIN u ON u.t_id = t.id");
        assertEquals(3L, Long.parseLong(join.get(0).group(3)), "u rows 2, 3 and 4 find t rows 2 and 4; row 4 finds none");
        assertTrue(join.stream().anyMatch(m -> m.group(2).startsWith("Hash inner join") && m.group(3).equals("3")));

        List<Matcher> lookup = analyzed("SELECT k FROM t WHERE id = 4");
        assertTrue(lookup.getLast().group(2).startsWith("Single-row lookup on d.t using PRIMARY (id = 4)"));
        assertEquals("1", lookup.getLast().group(3));
        assertEquals(List.of(List.of(5L)), rows("SELECT COUNT(*) FROM t"));
    }
}
