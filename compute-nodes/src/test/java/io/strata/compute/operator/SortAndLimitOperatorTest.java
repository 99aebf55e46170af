package io.strata.compute.operator;

import io.strata.common.type.DataType;
import io.strata.compute.expression.Expr;
import io.strata.compute.expression.ScalarFunction;
import io.strata.compute.plan.OutputColumn;
import io.strata.compute.plan.PhysicalNode;
import io.strata.compute.plan.SortKey;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SortAndLimitOperatorTest extends PeopleTableTestBase {
    @Test
    void limitSkipsOffsetAndStopsPullingOnceFetched() {
        PhysicalNode.Scan scan = people();
        List<List<Object>> rows = run(new PhysicalNode.Limit(scan, 1, 2));
        assertEquals(List.of(list(2L, "Bob", null), list(3L, "cid", new BigDecimal("3.25"))), rows);
        // two rows per batch: rows 2 and 3 are in the first two batches; the third batch is never read
        assertEquals(2, ((io.strata.compute.testing.TestTable) scan.table()).batchesServed());
    }

    @Test
    void limitZeroReadsNothing() {
        PhysicalNode.Scan scan = people();
        assertEquals(List.of(), run(new PhysicalNode.Limit(scan, 0, 0)));
        assertEquals(0, ((io.strata.compute.testing.TestTable) scan.table()).batchesServed());
    }

    @Test
    void sortOrdersByKeysWithNullPlacementAndDescending() {
        List<List<Object>> ascending = run(new PhysicalNode.Sort(people(), List.of(new SortKey(2, false, true))));
        assertEquals(list(2L, 4L, 5L, 1L, 3L), ascending.stream().map(r -> r.get(0)).toList());
        List<List<Object>> descending = run(new PhysicalNode.Sort(people(), List.of(new SortKey(2, true, false))));
        assertEquals(list(3L, 1L, 5L, 4L, 2L), descending.stream().map(r -> r.get(0)).toList());
        List<List<Object>> byName = run(new PhysicalNode.Sort(people(), List.of(new SortKey(1, false, false), new SortKey(0, true, false))));
        assertEquals(list(1L, 5L, 2L, 3L, 4L), byName.stream().map(r -> r.get(0)).toList());
    }

    @Test
    void orderByWithLimitKeepsOnlyTheTopRowsAndMatchesFullSort() {
        java.util.Random random = new java.util.Random(42);
        List<Object[]> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 8_000; i++) {
            rows.add(row((long) random.nextInt(1000), (long) i));
        }
        List<io.strata.txn.catalog.ColumnDefinition> columns = List.of(col("k", DataType.INT), col("i", DataType.BIGINT));
        List<SortKey> keys = List.of(new SortKey(0, true, false), new SortKey(1, false, false));
        List<List<Object>> full = run(new PhysicalNode.Sort(scan(columns, rows, 1000), keys));
        List<List<Object>> top = run(new PhysicalNode.Limit(new PhysicalNode.Sort(scan(columns, rows, 1000), keys), 2000, 1000));
        assertEquals(full.subList(2000, 3000), top);
        assertEquals(8_000, full.size());
    }

    @Test
    void exactVectorSearchIsProjectionThenTopN() {
        DataType vector = DataType.vecf32(2);
        List<Object[]> rows = new java.util.ArrayList<>();
        for (long i = 0; i < 50; i++) {
            rows.add(row(i, new float[] {i % 10, i / 10}));
        }
        PhysicalNode.Scan points = scan(List.of(col("id", DataType.BIGINT), col("v", vector)), rows, 16);
        Expr distance = call(ScalarFunction.L2_DISTANCE, DataType.DOUBLE, ref(1, vector), lit("[3, 2]", DataType.varchar(10)));
        PhysicalNode projected = new PhysicalNode.Project(points, List.of(ref(0, DataType.BIGINT), distance),
                List.of(new OutputColumn("id", DataType.BIGINT, false), new OutputColumn("d", DataType.DOUBLE, true)));
        PhysicalNode nearest = new PhysicalNode.Limit(new PhysicalNode.Sort(projected,
                List.of(new SortKey(1, false, true), new SortKey(0, false, true))), 0, 3);
        // (3,2) is id 23 itself; then distance 1: (3,1)=13, (2,2)=22, (4,2)=24, (3,3)=33 -> ties broken by id
        assertEquals(List.of(list(23L, 0.0), list(13L, 1.0), list(22L, 1.0)), run(nearest));
    }
}
