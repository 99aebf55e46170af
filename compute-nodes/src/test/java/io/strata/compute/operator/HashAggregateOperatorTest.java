package io.strata.compute.operator;

import io.strata.common.type.DataType;
import io.strata.compute.plan.AggregateCall;
import io.strata.compute.plan.AggregateFunction;
import io.strata.compute.plan.OutputColumn;
import io.strata.compute.plan.PhysicalNode;
import io.strata.compute.plan.SortKey;
import io.strata.compute.testing.OperatorTestBase;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HashAggregateOperatorTest extends OperatorTestBase {
    private static final DataType SUM_TYPE = DataType.decimal(32, 0);
    private static final DataType AVG_TYPE = DataType.decimal(14, 4);

    private PhysicalNode.Scan sales() {
        return scan(List.of(col("region", DataType.varchar(10)), col("qty", DataType.INT), col("price", DataType.DOUBLE)),
                List.of(row("north", 3L, 1.5), row("North", 5L, null), row("south", null, 2.0), row(null, 7L, 4.0),
                        row("south", 4L, 2.0), row(null, 1L, 1.0)));
    }

    private static AggregateCall agg(AggregateFunction function, DataType type, boolean distinct, int... arguments) {
        return new AggregateCall(function, arguments, distinct, type);
    }

    private List<OutputColumn> columns(DataType... types) {
        return java.util.stream.IntStream.range(0, types.length)
                .mapToObj(i -> new OutputColumn("c" + i, types[i], true)).toList();
    }

    @Test
    void groupsByKeyCaseInsensitivelyWithNullGroup() {
        PhysicalNode aggregate = new PhysicalNode.Aggregate(sales(), new int[] {0},
                List.of(agg(AggregateFunction.COUNT_STAR, DataType.BIGINT, false), agg(AggregateFunction.COUNT, DataType.BIGINT, false, 1),
                        agg(AggregateFunction.SUM, SUM_TYPE, false, 1), agg(AggregateFunction.AVG, AVG_TYPE, false, 1),
                        agg(AggregateFunction.MIN, DataType.DOUBLE, false, 2), agg(AggregateFunction.MAX, DataType.INT, false, 1)),
                columns(DataType.varchar(10), DataType.BIGINT, DataType.BIGINT, SUM_TYPE, AVG_TYPE, DataType.DOUBLE, DataType.INT));
        List<List<Object>> rows = run(new PhysicalNode.Sort(aggregate, List.of(new SortKey(0, false, true))));
        assertEquals(List.of(
                list(null, 2L, 2L, new BigDecimal("8"), new BigDecimal("4.0000"), 1.0, 7L),
                list("north", 2L, 2L, new BigDecimal("8"), new BigDecimal("4.0000"), 1.5, 5L),
                list("south", 2L, 1L, new BigDecimal("4"), new BigDecimal("4.0000"), 2.0, 4L)), rows);
    }

    @Test
    void noGroupKeysGiveOneRowOverEmptyInput() {
        PhysicalNode empty = new PhysicalNode.Filter(sales(), new io.strata.compute.expression.Expr.Literal(false, DataType.BOOLEAN));
        PhysicalNode aggregate = new PhysicalNode.Aggregate(empty, new int[0],
                List.of(agg(AggregateFunction.COUNT_STAR, DataType.BIGINT, false), agg(AggregateFunction.SUM, SUM_TYPE, false, 1),
                        agg(AggregateFunction.AVG, DataType.DOUBLE, false, 2), agg(AggregateFunction.MAX, DataType.varchar(10), false, 0)),
                columns(DataType.BIGINT, SUM_TYPE, DataType.DOUBLE, DataType.varchar(10)));
        assertEquals(List.of(list(0L, null, null, null)), run(aggregate));
    }

    @Test
    void groupedAggregateOverEmptyInputHasNoRows() {
        PhysicalNode empty = new PhysicalNode.Filter(sales(), new io.strata.compute.expression.Expr.Literal(false, DataType.BOOLEAN));
        PhysicalNode aggregate = new PhysicalNode.Aggregate(empty, new int[] {0},
                List.of(agg(AggregateFunction.COUNT_STAR, DataType.BIGINT, false)), columns(DataType.varchar(10), DataType.BIGINT));
        assertEquals(List.of(), run(aggregate));
    }

    @Test
    void distinctAggregatesCountEachValueOnce() {
        PhysicalNode aggregate = new PhysicalNode.Aggregate(sales(), new int[0],
                List.of(agg(AggregateFunction.COUNT, DataType.BIGINT, true, 0), agg(AggregateFunction.SUM, DataType.DOUBLE, true, 2),
                        agg(AggregateFunction.AVG, DataType.DOUBLE, false, 2), agg(AggregateFunction.ANY_VALUE, DataType.INT, false, 1)),
                columns(DataType.BIGINT, DataType.DOUBLE, DataType.DOUBLE, DataType.INT));
        // regions: north/North are one value, south; prices distinct: 1.5, 2.0, 4.0, 1.0
        assertEquals(List.of(list(2L, 8.5, 2.1, 3L)), run(aggregate));
    }

    @Test
    void sumOfBigintsBeyondLongRangeStaysExactAsDecimal() {
        PhysicalNode.Scan big = scan(List.of(col("v", DataType.BIGINT)),
                List.of(row(Long.MAX_VALUE), row(Long.MAX_VALUE), row(2L)));
        PhysicalNode aggregate = new PhysicalNode.Aggregate(big, new int[0],
                List.of(agg(AggregateFunction.SUM, DataType.decimal(38, 0), false, 0), agg(AggregateFunction.AVG, DataType.decimal(38, 4), false, 0)),
                columns(DataType.decimal(38, 0), DataType.decimal(38, 4)));
        BigDecimal sum = BigDecimal.valueOf(Long.MAX_VALUE).multiply(BigDecimal.valueOf(2)).add(BigDecimal.valueOf(2));
        assertEquals(List.of(list(sum, new BigDecimal("6148914691236517205.3333"))), run(aggregate));
    }

    @Test
    void sumZeroGivesZeroAndSingleValueRejectsSecondRow() {
        PhysicalNode empty = new PhysicalNode.Filter(sales(), new io.strata.compute.expression.Expr.Literal(false, DataType.BOOLEAN));
        PhysicalNode sumZero = new PhysicalNode.Aggregate(empty, new int[0],
                List.of(agg(AggregateFunction.SUM0, DataType.BIGINT, false, 1), agg(AggregateFunction.SINGLE_VALUE, DataType.INT, false, 1)),
                columns(DataType.BIGINT, DataType.INT));
        assertEquals(List.of(list(0L, null)), run(sumZero));
        PhysicalNode single = new PhysicalNode.Aggregate(sales(), new int[0],
                List.of(agg(AggregateFunction.SINGLE_VALUE, DataType.INT, false, 1)), columns(DataType.INT));
        io.strata.common.error.StrataException error = org.junit.jupiter.api.Assertions.assertThrows(
                io.strata.common.error.StrataException.class, () -> run(single));
        assertEquals(1242, error.code().mysqlCode());
    }

    @Test
    void manyGroupsComeBackInSeveralBatches() {
        List<Object[]> rows = new java.util.ArrayList<>();
        for (long i = 0; i < 10_000; i++) {
            rows.add(row(i % 5000, i));
        }
        PhysicalNode.Scan numbers = scan(List.of(col("g", DataType.BIGINT), col("v", DataType.BIGINT)), rows, 1000);
        PhysicalNode aggregate = new PhysicalNode.Aggregate(numbers, new int[] {0},
                List.of(agg(AggregateFunction.SUM, SUM_TYPE, false, 1)), columns(DataType.BIGINT, SUM_TYPE));
        List<List<Object>> result = run(aggregate);
        assertEquals(5000, result.size());
        long total = result.stream().mapToLong(r -> ((BigDecimal) r.get(1)).longValueExact()).sum();
        assertEquals(9999L * 10000 / 2, total);
    }

    @Test
    void integerGroupKeyKeepsNullsInOneGroup() {
        PhysicalNode aggregate = new PhysicalNode.Aggregate(sales(), new int[] {1},
                List.of(agg(AggregateFunction.COUNT_STAR, DataType.BIGINT, false), agg(AggregateFunction.MIN, DataType.varchar(10), false, 0)),
                columns(DataType.INT, DataType.BIGINT, DataType.varchar(10)));
        List<List<Object>> rows = run(new PhysicalNode.Sort(aggregate, List.of(new SortKey(0, false, true))));
        assertEquals(List.of(list(null, 1L, "south"), list(1L, 1L, null), list(3L, 1L, "north"), list(4L, 1L, "south"),
                list(5L, 1L, "North"), list(7L, 1L, null)), rows);
    }
}
