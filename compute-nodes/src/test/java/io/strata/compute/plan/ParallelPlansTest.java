package io.strata.compute.plan;

import io.strata.common.type.DataType;
import io.strata.compute.expression.Expr;
import io.strata.compute.testing.OperatorTestBase;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Where gathers go, and that two-phase aggregates answer as the serial ones do. */
class ParallelPlansTest extends OperatorTestBase {
    private static final int ROWS = 3_000;
    private static final DataType PRICE = DataType.decimal(12, 2);
    private static final DataType SUM_PRICE = DataType.decimal(38, 2);
    private static final DataType AVG_PRICE = DataType.decimal(16, 6);
    private static final DataType SUM_QTY = DataType.decimal(38, 0);
    private static final DataType AVG_QTY = DataType.decimal(23, 4);

    /** grp: 7 groups (one of NULLs), qty: NULL every 5th row, price: exact cents, rate: a double. */
    private PhysicalNode.Scan sales() {
        List<Object[]> rows = IntStream.range(0, ROWS).mapToObj(i -> row(
                i % 7 == 0 ? null : "g" + i % 7,
                i % 5 == 0 ? null : (long) (i % 13 - 4),
                BigDecimal.valueOf(i * 37L % 10_000, 2),
                i / 3.0)).toList();
        return scan(List.of(col("grp", DataType.varchar(5)), col("qty", DataType.BIGINT), col("price", PRICE),
                col("rate", DataType.DOUBLE)), rows, 64);
    }

    private static AggregateCall call(AggregateFunction function, DataType type, int... arguments) {
        return new AggregateCall(function, arguments, false, type);
    }

    private PhysicalNode.Aggregate everyFunction(PhysicalNode input, int[] keys) {
        List<AggregateCall> calls = List.of(call(AggregateFunction.COUNT_STAR, DataType.BIGINT),
                call(AggregateFunction.COUNT, DataType.BIGINT, 1), call(AggregateFunction.SUM, SUM_QTY, 1),
                call(AggregateFunction.SUM0, SUM_PRICE, 2), call(AggregateFunction.AVG, AVG_QTY, 1),
                call(AggregateFunction.AVG, AVG_PRICE, 2), call(AggregateFunction.AVG, DataType.DOUBLE, 3),
                call(AggregateFunction.MIN, PRICE, 2), call(AggregateFunction.MAX, DataType.BIGINT, 1),
                call(AggregateFunction.MIN, DataType.varchar(5), 0));
        List<OutputColumn> output = new ArrayList<>();
        for (int key : keys) {
            output.add(input.output().get(key));
        }
        for (int c = 0; c < calls.size(); c++) {
            output.add(new OutputColumn("a" + c, calls.get(c).type(), true));
        }
        return new PhysicalNode.Aggregate(input, keys, calls, output);
    }

    private static List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(Object::toString));
        return copy;
    }

    /** Doubles summed in another order may differ in their last bits: compared to 1e-9 relative. */
    private static void assertSameRows(List<List<Object>> expected, List<List<Object>> actual) {
        assertEquals(expected.size(), actual.size());
        for (int r = 0; r < expected.size(); r++) {
            for (int c = 0; c < expected.get(r).size(); c++) {
                Object want = expected.get(r).get(c);
                Object got = actual.get(r).get(c);
                if (want instanceof Double d && got instanceof Double g) {
                    assertEquals(d, g, Math.abs(d) * 1e-9, "row " + r + " column " + c);
                } else {
                    assertEquals(want, got, "row " + r + " column " + c);
                }
            }
        }
    }

    @Test
    void twoPhaseAggregatesAnswerAsSerialOnes() {
        for (int[] keys : List.of(new int[] {0}, new int[0])) {
            PhysicalNode.Aggregate serial = everyFunction(sales(), keys);
            PhysicalNode parallel = ParallelPlans.parallelize(everyFunction(sales(), keys), 3, 0);
            PhysicalNode.Project project = assertInstanceOf(PhysicalNode.Project.class, parallel,
                    "split into partial and final aggregates");
            PhysicalNode.Aggregate combining = assertInstanceOf(PhysicalNode.Aggregate.class, project.input());
            PhysicalNode.Gather gather = assertInstanceOf(PhysicalNode.Gather.class, combining.input());
            assertInstanceOf(PhysicalNode.Aggregate.class, gather.input(), "the workers aggregate their part");
            List<List<Object>> expected = sorted(run(serial));
            assertEquals(keys.length == 0 ? 1 : 7, expected.size());
            assertSameRows(expected, sorted(run(parallel)));
        }
    }

    @Test
    void anEmptyInputGivesTheSerialRow() {
        Expr never = new Expr.Literal(false, DataType.BOOLEAN);
        PhysicalNode.Aggregate serial = everyFunction(new PhysicalNode.Filter(sales(), never), new int[0]);
        PhysicalNode parallel = ParallelPlans.parallelize(everyFunction(new PhysicalNode.Filter(sales(), never), new int[0]), 2, 0);
        List<List<Object>> rows = run(parallel);
        assertEquals(run(serial), rows);
        assertEquals(0L, rows.get(0).get(0), "COUNT(*) of nothing is 0");
    }

    @Test
    void distinctAggregatesAreGatheredWhole() {
        PhysicalNode.Aggregate distinct = new PhysicalNode.Aggregate(sales(), new int[0],
                List.of(new AggregateCall(AggregateFunction.COUNT, new int[] {1}, true, DataType.BIGINT)),
                List.of(new OutputColumn("n", DataType.BIGINT, true)));
        PhysicalNode parallel = ParallelPlans.parallelize(distinct, 2, 0);
        PhysicalNode.Aggregate top = assertInstanceOf(PhysicalNode.Aggregate.class, parallel);
        assertInstanceOf(PhysicalNode.Gather.class, top.input());
        assertEquals(List.of(List.of(13L)), run(parallel));
    }

    @Test
    void smallTablesAndRightJoinsStaySerial() {
        PhysicalNode.Aggregate small = everyFunction(sales(), new int[] {0});
        PhysicalNode.Aggregate unchanged = assertInstanceOf(PhysicalNode.Aggregate.class,
                ParallelPlans.parallelize(small, 2, ROWS + 1), "under the row threshold");
        assertInstanceOf(PhysicalNode.Scan.class, unchanged.input());
        List<OutputColumn> both = new ArrayList<>(sales().output());
        both.addAll(sales().output());
        PhysicalNode right = new PhysicalNode.Join(sales(), sales(), JoinType.RIGHT, new int[] {0}, new int[] {0}, null, both);
        PhysicalNode placed = ParallelPlans.parallelize(new PhysicalNode.Sort(right, List.of(new SortKey(1, false, true))), 2, 0);
        PhysicalNode.Join join = assertInstanceOf(PhysicalNode.Join.class, ((PhysicalNode.Sort) placed).input(),
                "a right join's probe is not split");
        assertInstanceOf(PhysicalNode.Scan.class, join.left());
        assertInstanceOf(PhysicalNode.Gather.class, join.right(), "its build side is a pipeline of its own");
    }

    @Test
    void jsonAggregatesAreGatheredWhole() {
        // a partial document would reach the final phase as text, and DECIMAL values would come back doubles
        for (int[] keys : List.of(new int[] {0}, new int[0])) {
            PhysicalNode parallel = ParallelPlans.parallelize(jsonAggregates(keys), 3, 0);
            PhysicalNode.Aggregate top = assertInstanceOf(PhysicalNode.Aggregate.class, parallel, "not split");
            assertInstanceOf(PhysicalNode.Gather.class, top.input());
            List<List<Object>> serial = sorted(run(jsonAggregates(keys)));
            List<List<Object>> gathered = sorted(run(parallel));
            assertEquals(serial.size(), gathered.size());
            for (int r = 0; r < serial.size(); r++) {
                // an array's order depends on which worker read which rows: compared as sorted elements
                assertEquals(sortedElements(serial.get(r).get(keys.length)), sortedElements(gathered.get(r).get(keys.length)));
                // object members are sorted by key, and the keys (the rates) are unique
                assertEquals(serial.get(r).get(keys.length + 1), gathered.get(r).get(keys.length + 1));
            }
        }
    }

    /** JSON_ARRAYAGG(price) and JSON_OBJECTAGG(rate, price) over the sales, grouped by {@code keys}. */
    private PhysicalNode.Aggregate jsonAggregates(int[] keys) {
        PhysicalNode.Scan sales = sales();
        List<AggregateCall> calls = List.of(call(AggregateFunction.JSON_ARRAYAGG, DataType.JSON, 2),
                call(AggregateFunction.JSON_OBJECTAGG, DataType.JSON, 3, 2));
        List<OutputColumn> output = new ArrayList<>();
        for (int key : keys) {
            output.add(sales.output().get(key));
        }
        output.add(new OutputColumn("quantities", DataType.JSON, true));
        output.add(new OutputColumn("prices", DataType.JSON, true));
        return new PhysicalNode.Aggregate(sales, keys, calls, output);
    }

    private static List<String> sortedElements(Object jsonArray) {
        String text = String.valueOf(jsonArray);
        List<String> elements = new ArrayList<>(List.of(text.substring(1, text.length() - 1).split(", ")));
        elements.sort(Comparator.naturalOrder());
        return elements;
    }
}
