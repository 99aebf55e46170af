package io.strata.sql;

import io.strata.txn.ColumnStatistics;
import io.strata.txn.TableSnapshot;
import io.strata.txn.Transaction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Join order and build sides from the statistics in the objects' footers (distinct values, nulls, min/max),
 * on a small TPC-H-shaped schema: region 5, nation 25, supplier 100, customer 1500, orders 6000, lineitem
 * 24000 rows, all flushed to objects.
 */
class StatisticsPlanningTest extends SessionFixture {
    private static final LocalDate FIRST_DAY = LocalDate.of(1992, 1, 1);

    @BeforeEach
    void load() {
        ok("CREATE DATABASE tp");
        ok("USE tp");
        ok("CREATE TABLE region (r_regionkey INT PRIMARY KEY, r_name VARCHAR(25))");
        ok("CREATE TABLE nation (n_nationkey INT PRIMARY KEY, n_name VARCHAR(25), n_regionkey INT)");
        ok("CREATE TABLE supplier (s_suppkey INT PRIMARY KEY, s_nationkey INT)");
        ok("CREATE TABLE customer (c_custkey INT PRIMARY KEY, c_nationkey INT, c_note VARCHAR(10))");
        ok("CREATE TABLE orders (o_orderkey INT PRIMARY KEY, o_custkey INT, o_orderdate DATE)");
        ok("CREATE TABLE lineitem (l_orderkey INT, l_linenumber INT, l_suppkey INT, l_price DECIMAL(12,2), "
                + "l_shipdate DATE, PRIMARY KEY (l_orderkey, l_linenumber))");
        insert("region", 5, i -> i + ",'region" + i + "'");
        insert("nation", 25, i -> i + ",'nation" + i + "'," + i % 5);
        insert("supplier", 100, i -> i + "," + i % 25);
        insert("customer", 1500, i -> i + "," + i % 25 + "," + (i % 3 == 0 ? "NULL" : "'n" + i % 7 + "'"));
        insert("orders", 6000, i -> i + "," + i % 1500 + ",'" + FIRST_DAY.plusDays(i % 2400) + "'");
        insert("lineitem", 24000, i -> i / 4 + "," + i % 4 + "," + i * 7 % 100 + "," + i % 1000 + ".25,'"
                + FIRST_DAY.plusDays(i / 4 % 2400 + i % 4) + "'");
        node.flush();
    }

    private void insert(String table, int rows, IntFunction<String> values) {
        for (int start = 0; start < rows; start += 1000) {
            String tuples = java.util.stream.IntStream.range(start, Math.min(rows, start + 1000))
                    .mapToObj(i -> "(" + values.apply(i) + ")").collect(Collectors.joining(","));
            ok("INSERT INTO " + table + " VALUES " + tuples);
        }
    }

    private List<String> explain(String query) {
        return rows("EXPLAIN " + query).stream()
                .flatMap(row -> java.util.Arrays.stream(row.get(0).toString().split("\n"))).toList();
    }

    @Test
    void columnStatisticsComeFromTheFooters() {
        try (Transaction txn = node.begin()) {
            TableSnapshot customer = txn.table("tp", "customer");
            ColumnStatistics nation = customer.columnStatistics(1).orElseThrow();
            assertEquals(25, nation.distinctValues(), 1.5);
            assertEquals(0.0, nation.nullFraction());
            assertEquals(0L, ((Number) nation.min()).longValue());
            assertEquals(24L, ((Number) nation.max()).longValue());
            ColumnStatistics note = customer.columnStatistics(2).orElseThrow();
            assertEquals(7, note.distinctValues(), 0.5);
            assertEquals(1.0 / 3, note.nullFraction(), 0.001);
            ColumnStatistics key = customer.columnStatistics(0).orElseThrow();
            assertEquals(1500, key.distinctValues(), 1500 * 0.08);
            ColumnStatistics shipped = txn.table("tp", "lineitem").columnStatistics(4).orElseThrow();
            assertEquals(FIRST_DAY, shipped.min());
            assertEquals(FIRST_DAY.plusDays(2402), shipped.max());
        }
    }

    @Test
    void aDimensionSharingOnlyALowCardinalityKeyIsNotJoinedFirst() {
        // TPC-H Q5: customer and supplier share only the nation key (25 values); joined first they multiply
        // (the 300 customers of a region's 5 nations each meet their nation's 4 suppliers) before any order
        // narrows them, while lineitem ⋈ orders ⋈ customer follows keys.
        List<String> plan = explain("SELECT n_name, SUM(l_price) FROM customer, orders, lineitem, supplier, nation, region "
                + "WHERE c_custkey = o_custkey AND l_orderkey = o_orderkey AND l_suppkey = s_suppkey "
                + "AND c_nationkey = s_nationkey AND s_nationkey = n_nationkey AND n_regionkey = r_regionkey "
                + "AND r_name = 'region2' AND o_orderdate >= DATE '1994-01-01' "
                + "AND o_orderdate < DATE '1994-01-01' + INTERVAL '1' YEAR GROUP BY n_name");
        assertFalse(plan.stream().anyMatch(line -> line.matches(".*Hash inner join: ([cs]_nationkey = [cs]_nationkey)$")),
                "customer and supplier joined on the nation key alone:\n" + String.join("\n", plan));
        assertTrue(plan.stream().anyMatch(line -> line.contains("l_orderkey = o_orderkey")
                || line.contains("o_orderkey = l_orderkey")), String.join("\n", plan));
    }

    @Test
    void theSmallerInputIsTheBuildSide() {
        // One month of lineitem (about 300 rows) against 6000 orders: the hash join buffers its right input.
        List<String> plan = explain("SELECT COUNT(*) FROM lineitem, orders WHERE l_orderkey = o_orderkey "
                + "AND l_shipdate >= DATE '1995-09-01' AND l_shipdate < DATE '1995-09-01' + INTERVAL '1' MONTH");
        int join = indexOf(plan, "Hash inner join");
        assertTrue(plan.get(join + 1).contains("Table scan on tp.orders"), "orders probe:\n" + String.join("\n", plan));
        assertTrue(plan.stream().anyMatch(line -> line.contains("l_shipdate < 1995-10-01")),
                "the date arithmetic is folded into a literal:\n" + String.join("\n", plan));
        assertEquals(List.of(List.of(rowsShippedIn(LocalDate.of(1995, 9, 1), LocalDate.of(1995, 10, 1)))),
                rows("SELECT COUNT(*) FROM lineitem, orders WHERE l_orderkey = o_orderkey "
                        + "AND l_shipdate >= DATE '1995-09-01' AND l_shipdate < DATE '1995-09-01' + INTERVAL '1' MONTH"));
    }

    private static long rowsShippedIn(LocalDate from, LocalDate to) {
        return java.util.stream.IntStream.range(0, 24000)
                .mapToObj(i -> FIRST_DAY.plusDays(i / 4 % 2400 + i % 4))
                .filter(day -> !day.isBefore(from) && day.isBefore(to)).count();
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
