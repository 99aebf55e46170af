package io.strata.compute.operator;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.type.DataType;
import io.strata.compute.expression.ScalarFunction;
import io.strata.compute.plan.OutputColumn;
import io.strata.compute.plan.PhysicalNode;
import io.strata.compute.plan.SortKey;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ScanAndValuesOperatorTest extends PeopleTableTestBase {
    @Test
    void scanReturnsEveryRowAcrossBatches() {
        List<List<Object>> rows = run(people());
        assertEquals(5, rows.size());
        assertEquals(list(1L, "ann", new BigDecimal("1.50")), rows.get(0));
        assertEquals(list(2L, "Bob", null), rows.get(1));
    }

    @Test
    void valuesEvaluatesLiteralsIntoColumnTypes() {
        PhysicalNode plan = new PhysicalNode.Values(
                List.of(List.of(lit(1L, DataType.BIGINT), lit("x", DataType.varchar(1))),
                        List.of(lit("12", DataType.varchar(2)), lit(null, DataType.NULL))),
                List.of(new OutputColumn("a", DataType.decimal(10, 2), true), new OutputColumn("b", DataType.varchar(5), true)));
        assertEquals(List.of(list(new BigDecimal("1.00"), "x"), list(new BigDecimal("12.00"), null)), run(plan));
    }

    @Test
    void cancelledQueryStopsWithInterruptedError() {
        cancelled.set(true);
        StrataException error = assertThrows(StrataException.class, () -> run(people()));
        assertEquals(ErrorCode.ER_QUERY_INTERRUPTED, error.code());
        cancelled.set(false);
    }

    @Test
    void errorsMidQueryReleaseEveryBuffer() {
        List<Object[]> rows = new java.util.ArrayList<>();
        for (long i = 0; i < 100; i++) {
            rows.add(row(i, i == 77 ? Long.MAX_VALUE : i));
        }
        List<io.strata.txn.catalog.ColumnDefinition> columns = List.of(col("a", DataType.BIGINT), col("b", DataType.BIGINT));
        PhysicalNode sorted = new PhysicalNode.Sort(scan(columns, rows, 10), List.of(new SortKey(0, true, false)));
        PhysicalNode project = new PhysicalNode.Project(sorted, List.of(ref(0, DataType.BIGINT),
                call(ScalarFunction.PLUS, DataType.BIGINT, ref(1, DataType.BIGINT), lit(1L, DataType.BIGINT))),
                List.of(new OutputColumn("a", DataType.BIGINT, true), new OutputColumn("c", DataType.BIGINT, true)));
        StrataException error = assertThrows(StrataException.class, () -> run(project));
        assertEquals(ErrorCode.ER_DATA_OUT_OF_RANGE, error.code());
        // the allocator check after each test fails if the sort buffer or a batch leaked
    }

    @Test
    void runningOutOfMemoryIsOutOfResourcesError() {
        List<Object[]> rows = new java.util.ArrayList<>();
        for (long i = 0; i < 5000; i++) {
            rows.add(row(i, "a fairly long string value number " + i));
        }
        PhysicalNode sort = new PhysicalNode.Sort(scan(List.of(col("a", DataType.BIGINT), col("s", DataType.TEXT)), rows, 500),
                List.of(new SortKey(0, true, false)));
        try (org.apache.arrow.memory.BufferAllocator limited = allocator.newChildAllocator("limited", 0, 64 * 1024)) {
            ExecutionContext small = new ExecutionContext(limited, List.of(), context.statementTime(), cancelled);
            StrataException error = assertThrows(StrataException.class, () -> run(sort, small));
            assertEquals(ErrorCode.ER_OUT_OF_RESOURCES, error.code());
            assertEquals(0, limited.getAllocatedMemory());
        }
    }

    @Test
    void vectorColumnsTravelThroughFilterSortAndJoin() {
        DataType vector = DataType.vecf32(3);
        PhysicalNode.Scan embeddings = scan(List.of(col("id", DataType.INT), col("v", vector)),
                List.of(row(1L, new float[] {1, 2, 3}), row(2L, null), row(3L, new float[] {0, 0, 1}), row(4L, new float[] {5, 5, 5})));
        PhysicalNode filtered = new PhysicalNode.Filter(embeddings,
                call(ScalarFunction.NOT_EQUALS, DataType.BOOLEAN, ref(0, DataType.INT), lit(4L, DataType.INT)));
        List<List<Object>> rows = run(new PhysicalNode.Sort(filtered, List.of(new SortKey(0, true, false))));
        assertEquals(3, rows.size());
        assertEquals(3L, rows.get(0).get(0));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {0, 0, 1}, (float[]) rows.get(0).get(1));
        assertEquals(null, rows.get(1).get(1));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {1, 2, 3}, (float[]) rows.get(2).get(1));
        PhysicalNode.Scan ids = scan(List.of(col("id", DataType.INT)), List.of(row(3L), row(1L)));
        PhysicalNode join = new PhysicalNode.Join(ids, embeddings(), io.strata.compute.plan.JoinType.INNER, new int[] {0}, new int[] {0}, null,
                List.of(new OutputColumn("id", DataType.INT, true), new OutputColumn("id0", DataType.INT, true), new OutputColumn("v", vector, true)));
        List<List<Object>> joined = run(join);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {0, 0, 1}, (float[]) joined.get(0).get(2));
        assertEquals(1L, joined.get(1).get(0));
    }

    private PhysicalNode.Scan embeddings() {
        return scan(List.of(col("id", DataType.INT), col("v", DataType.vecf32(3))),
                List.of(row(1L, new float[] {1, 2, 3}), row(2L, null), row(3L, new float[] {0, 0, 1})));
    }
}
