package io.strata.compute.operator;

import io.strata.common.error.StrataException;
import io.strata.common.type.DataType;
import io.strata.compute.expression.Expr;
import io.strata.compute.expression.ScalarFunction;
import io.strata.compute.plan.AggregateCall;
import io.strata.compute.plan.AggregateFunction;
import io.strata.compute.plan.JoinType;
import io.strata.compute.plan.OutputColumn;
import io.strata.compute.plan.PhysicalNode;
import io.strata.compute.testing.OperatorTestBase;
import io.strata.compute.testing.TestTable;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Parallel workers over parts of a scan: every row once, shared hash-join builds, failures and early closes. */
class GatherOperatorTest extends OperatorTestBase {
    private static final int ROWS = 5_000;

    /** id 0..ROWS-1, grp = id % 10. */
    private PhysicalNode.Scan facts() {
        List<Object[]> rows = IntStream.range(0, ROWS).mapToObj(id -> row((long) id, (long) (id % 10))).toList();
        return scan(List.of(col("id", DataType.BIGINT), col("grp", DataType.BIGINT)), rows, 97);
    }

    private PhysicalNode.Scan groups() {
        List<Object[]> rows = IntStream.range(0, 10).mapToObj(g -> row((long) g, "group" + g)).toList();
        return scan(List.of(col("g", DataType.BIGINT), col("name", DataType.varchar(10))), rows, 3);
    }

    private static List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(row -> row.toString()));
        return copy;
    }

    @Test
    void everyRowComesOnceWhateverTheWorkers() {
        List<List<Object>> serial = sorted(run(facts()));
        assertEquals(ROWS, serial.size());
        for (int workers = 2; workers <= 5; workers++) {
            assertEquals(serial, sorted(run(new PhysicalNode.Gather(facts(), workers))), workers + " workers");
        }
        PhysicalNode sum = new PhysicalNode.Aggregate(new PhysicalNode.Gather(facts(), 3), new int[] {1},
                List.of(new AggregateCall(AggregateFunction.COUNT_STAR, new int[0], false, DataType.BIGINT)),
                List.of(new OutputColumn("grp", DataType.BIGINT, true), new OutputColumn("n", DataType.BIGINT, true)));
        List<List<Object>> counts = sorted(run(sum));
        assertEquals(10, counts.size());
        counts.forEach(row -> assertEquals(ROWS / 10L, row.get(1), row.toString()));
    }

    @Test
    void workersShareOneBuildOfEachJoin() {
        PhysicalNode.Scan groups = groups();
        List<OutputColumn> output = List.of(new OutputColumn("id", DataType.BIGINT, true),
                new OutputColumn("grp", DataType.BIGINT, true), new OutputColumn("g", DataType.BIGINT, true),
                new OutputColumn("name", DataType.varchar(10), true));
        PhysicalNode join = new PhysicalNode.Join(facts(), groups, JoinType.INNER, new int[] {1}, new int[] {0}, null, output);
        List<List<Object>> rows = run(new PhysicalNode.Gather(join, 4));
        assertEquals(ROWS, rows.size());
        rows.forEach(row -> assertEquals("group" + row.get(1), row.get(3)));
        assertEquals(4, ((TestTable) groups.table()).batchesServed(), "the 10 group rows were read once (4 batches of 3)");
    }

    @Test
    void aFailingWorkerFailsTheQueryAndLeaksNothing() {
        // id * 2^62 overflows a BIGINT from id 2 on: MySQL's error 1690, raised in whichever worker meets it.
        Expr overflow = new Expr.Call(ScalarFunction.MULTIPLY, List.of(new Expr.ColumnRef(0, DataType.BIGINT),
                new Expr.Literal(1L << 62, DataType.BIGINT)), DataType.BIGINT);
        PhysicalNode project = new PhysicalNode.Project(facts(), List.of(overflow),
                List.of(new OutputColumn("big", DataType.BIGINT, true)));
        assertThrows(StrataException.class, () -> run(new PhysicalNode.Gather(project, 3)));
    }

    @Test
    void closingEarlyStopsTheWorkers() {
        List<List<Object>> first = run(new PhysicalNode.Limit(new PhysicalNode.Gather(facts(), 3), 0, 5));
        assertEquals(5, first.size());
    }

    @Test
    void aCancelledQueryStops() {
        cancelled.set(true);
        assertThrows(StrataException.class, () -> run(new PhysicalNode.Gather(facts(), 2)));
    }
}
