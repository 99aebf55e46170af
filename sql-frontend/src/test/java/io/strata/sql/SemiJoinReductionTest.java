package io.strata.sql;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Aggregates joined with a selective input are reduced by a semi join with its keys (SemiJoinReductionRule),
 * on real statistics: part 2000 rows, lineitem 24000 rows over parts 0..1799 (every 97th without a part),
 * pick 7 rows with repeated and NULL keys. The rule needs distinct-value estimates, which only flushed
 * objects have: each query runs before the flush (the plan without the rule) and after it (with it), and
 * must give the same rows.
 */
class SemiJoinReductionTest extends SessionFixture {
    /** The outer filter of the Q17-shaped queries: parts 3, 203, ..., 1803 (1803 has no lineitem). */
    private static final String TEN_PARTS = "p_brand = 'Brand#3' AND p_container = 'C3'";

    @BeforeEach
    void load() {
        ok("CREATE DATABASE tp");
        ok("USE tp");
        ok("CREATE TABLE part (p_partkey INT PRIMARY KEY, p_brand VARCHAR(10), p_container VARCHAR(10))");
        ok("CREATE TABLE lineitem (l_orderkey INT, l_linenumber INT, l_partkey INT, l_quantity DECIMAL(12,2), "
                + "l_price DECIMAL(12,2), PRIMARY KEY (l_orderkey, l_linenumber))");
        ok("CREATE TABLE pick (id INT PRIMARY KEY, k INT)");
        insert("part", 2000, i -> i + ",'Brand#" + i % 25 + "','C" + i % 40 + "'");
        insert("lineitem", 24000, i -> i / 4 + "," + i % 4 + "," + (i % 97 == 0 ? "NULL" : String.valueOf(i * 7 % 1800))
                + "," + (i % 47 + 1) + ".00," + i % 1000 + ".25");
        ok("INSERT INTO pick VALUES (1, 3), (2, 3), (3, 203), (4, NULL), (5, 1803), (6, NULL), (7, 403)");
    }

    private void insert(String table, int rows, IntFunction<String> values) {
        for (int start = 0; start < rows; start += 1000) {
            String tuples = IntStream.range(start, Math.min(rows, start + 1000))
                    .mapToObj(i -> "(" + values.apply(i) + ")").collect(Collectors.joining(","));
            ok("INSERT INTO " + table + " VALUES " + tuples);
        }
    }

    @Test
    void theQ17AggregateIsComputedOnlyForTheOuterQuerysParts() {
        String query = "SELECT SUM(l_price) / 7.0 FROM lineitem, part WHERE p_partkey = l_partkey AND " + TEN_PARTS
                + " AND l_quantity < (SELECT 0.5 * AVG(l_quantity) FROM lineitem WHERE l_partkey = p_partkey)";
        List<String> plan = reducedPlan(query);
        assertNotNull(rows(query).get(0).get(0), "some lineitem rows are below half their part's average");
        int group = indexOf(plan, "Group (hash): l_partkey; avg(l_quantity)");
        assertTrue(plan.get(group + 1).contains("Hash semi join: l_partkey = p_partkey"), String.join("\n", plan));
        assertTrue(plan.stream().noneMatch(line -> line.contains("<=>")),
                "the decorrelator's <=> on never-NULL keys is a key:\n" + String.join("\n", plan));
    }

    @Test
    void anOuterJoinKeepsItsPartsWithoutGroups() {
        reducedPlan("SELECT p_partkey, t.n, t.q FROM part LEFT JOIN (SELECT l_partkey, COUNT(*) AS n, SUM(l_quantity) AS q "
                + "FROM lineitem GROUP BY l_partkey) t ON t.l_partkey = p_partkey WHERE " + TEN_PARTS);
    }

    @Test
    void anAggregateOnThePreservedSideKeepsEveryGroup() {
        String query = "SELECT COUNT(*), SUM(t.n), COUNT(p_partkey) FROM (SELECT l_partkey, COUNT(*) AS n FROM lineitem "
                + "GROUP BY l_partkey) t LEFT JOIN part ON p_partkey = t.l_partkey AND " + TEN_PARTS;
        List<List<Object>> before = rows(query);
        node.flush();
        assertEquals(0, semiJoins(explain(query)), String.join("\n", explain(query)));
        assertEquals(before, rows(query));
    }

    @Test
    void aWindowOverTheGroupsRanksAllOfThem() {
        String query = "SELECT p.id, t.r FROM pick p JOIN (SELECT l_partkey, RANK() OVER (ORDER BY COUNT(*) DESC, l_partkey) "
                + "AS r FROM lineitem GROUP BY l_partkey) t ON t.l_partkey = p.k";
        List<List<Object>> before = sorted(rows(query));
        node.flush();
        assertEquals(0, semiJoins(explain(query)), String.join("\n", explain(query)));
        assertEquals(before, sorted(rows(query)));
    }

    @Test
    void aDistinctScanIsNotReducedForItsOwnSake() {
        // IN (...) groups lineitem's part keys without aggregate calls: each row costs one hash lookup, as a
        // semi join's probe would, so reducing saves nothing (TPC-H Q22's NOT EXISTS over orders).
        String query = "SELECT id FROM pick WHERE k IN (SELECT l_partkey FROM lineitem)";
        List<List<Object>> before = sorted(rows(query));
        node.flush();
        assertEquals(0, semiJoins(explain(query)), String.join("\n", explain(query)));
        assertEquals(before, sorted(rows(query)));
    }

    @Test
    void nullSafeKeysKeepTheNullGroupAndRepeatedKeysTheirRows() {
        String query = "SELECT p.id, t.n FROM pick p JOIN (SELECT l_partkey, COUNT(*) AS n FROM lineitem "
                + "GROUP BY l_partkey) t ON t.l_partkey IS NOT DISTINCT FROM p.k";
        List<String> plan = reducedPlan(query);
        assertTrue(plan.stream().anyMatch(line -> line.contains("Hash semi join") && line.contains("<=>")),
                String.join("\n", plan));
        // Part 3 twice, 203, 403, and the lineitem rows without a part for both NULLs; part 1803 has none.
        assertEquals(List.of(1, 2, 3, 4, 6, 7), rows(query).stream()
                .map(row -> ((Number) row.get(0)).intValue()).sorted().toList());
    }

    @Test
    void equalKeysNeverMatchTheNullGroup() {
        reducedPlan("SELECT p.id, t.n FROM pick p JOIN (SELECT l_partkey, COUNT(*) AS n FROM lineitem "
                + "GROUP BY l_partkey) t ON t.l_partkey = p.k");
    }

    @Test
    void havingFiltersTheReducedGroups() {
        reducedPlan("SELECT p.id, t.q FROM pick p JOIN (SELECT l_partkey, SUM(l_quantity) AS q FROM lineitem "
                + "GROUP BY l_partkey HAVING SUM(l_quantity) > 300) t ON t.l_partkey = p.k");
    }

    @Test
    void correlatedCountsOfNullAndMissingKeysAreZero() {
        reducedPlan("SELECT id, (SELECT COUNT(*) FROM lineitem WHERE l_partkey = pick.k) AS n FROM pick");
    }

    @Test
    void aCorrelatedCountFiltersTheOuterRows() {
        reducedPlan("SELECT id FROM pick WHERE 10 < (SELECT COUNT(*) FROM lineitem WHERE l_partkey = pick.k)");
    }

    @Test
    void anEmptyOuterSideLeavesNothingToAggregate() {
        reducedPlan("SELECT SUM(l_price) FROM lineitem, part WHERE p_partkey = l_partkey AND p_brand = 'Brand#99' "
                + "AND l_quantity < (SELECT AVG(l_quantity) FROM lineitem WHERE l_partkey = p_partkey)");
    }

    /** The query's plan after the flush, which semi-joins more than before it; the rows are the same either way. */
    private List<String> reducedPlan(String query) {
        List<String> before = explain(query);
        List<List<Object>> expected = sorted(rows(query));
        node.flush();
        List<String> after = explain(query);
        assertTrue(semiJoins(after) > semiJoins(before), "not reduced:\n" + String.join("\n", after)
                + "\nbefore the statistics:\n" + String.join("\n", before));
        assertEquals(expected, sorted(rows(query)), String.join("\n", after));
        return after;
    }

    private List<String> explain(String query) {
        return rows("EXPLAIN " + query).stream()
                .flatMap(row -> Arrays.stream(row.get(0).toString().split("\n"))).toList();
    }

    private static long semiJoins(List<String> plan) {
        return plan.stream().filter(line -> line.contains("Hash semi join")).count();
    }

    private static List<List<Object>> sorted(List<List<Object>> rows) {
        return rows.stream().sorted(Comparator.comparing(Object::toString)).toList();
    }

    private static int indexOf(List<String> plan, String text) {
        for (int i = 0; i < plan.size(); i++) {
            if (plan.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError(text + " not in\n" + String.join("\n", plan));
    }
}
