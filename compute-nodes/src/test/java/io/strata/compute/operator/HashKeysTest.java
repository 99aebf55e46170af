package io.strata.compute.operator;

import io.strata.common.type.DataType;
import io.strata.compute.expression.Column;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HashKeysTest {
    private static Object normalized(DataType type, Object value) {
        return RowKey.normalize(Column.fromValues(type, new Object[] {value}))[0];
    }

    @Test
    void numbersOfDifferentTypesWithEqualValuesGiveEqualKeys() {
        Object fromInt = normalized(DataType.INT, 1L);
        assertEquals(fromInt, normalized(DataType.decimal(5, 2), new BigDecimal("1.00")));
        assertEquals(fromInt, normalized(DataType.DOUBLE, 1.0));
        assertEquals(normalized(DataType.decimal(3, 1), new BigDecimal("0.5")), normalized(DataType.DOUBLE, 0.5));
        assertEquals(normalized(DataType.DOUBLE, 0.0), normalized(DataType.DOUBLE, -0.0));
        assertNotEquals(fromInt, normalized(DataType.INT, 2L));
    }

    @Test
    void stringsAndTemporalsNormalizeAsTheyCompare() {
        assertEquals(normalized(DataType.TEXT, "ABC"), normalized(DataType.varchar(9), "abc"));
        assertEquals(normalized(DataType.TEXT, "Élan"), normalized(DataType.TEXT, "elan"));
        assertEquals(normalized(DataType.DATE, LocalDate.of(2024, 1, 2)),
                normalized(DataType.DATETIME, LocalDateTime.of(2024, 1, 2, 0, 0)));
        RowKey withNull = new RowKey(new Object[] {1L, null});
        assertTrue(withNull.hasNull());
        assertEquals(withNull, new RowKey(new Object[] {1L, null}));
        assertFalse(new RowKey(new Object[] {1L}).hasNull());
    }

    @Test
    void longIntHashMapAgreesWithHashMapThroughGrowth() {
        LongIntHashMap map = new LongIntHashMap(4);
        Map<Long, Integer> expected = new HashMap<>();
        Random random = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            long key = random.nextInt(20_000) - 10_000L;
            int value = random.nextInt(1_000_000);
            Integer previous = expected.put(key, value);
            assertEquals(previous == null ? LongIntHashMap.MISSING : previous, map.put(key, value));
        }
        assertEquals(expected.size(), map.size());
        for (Map.Entry<Long, Integer> entry : expected.entrySet()) {
            assertEquals(entry.getValue(), map.get(entry.getKey()));
        }
        assertEquals(LongIntHashMap.MISSING, map.get(Long.MAX_VALUE));
    }

    @Test
    void equalitiesBetweenSidesInTheResidualBecomeHashKeys() {
        var columns = java.util.List.of(new io.strata.compute.plan.OutputColumn("k", DataType.BIGINT, true),
                new io.strata.compute.plan.OutputColumn("s", DataType.TEXT, true));
        io.strata.compute.expression.Expr nullSafe = new io.strata.compute.expression.Expr.Call(
                io.strata.compute.expression.ScalarFunction.IS_NOT_DISTINCT_FROM,
                java.util.List.of(new io.strata.compute.expression.Expr.ColumnRef(2, DataType.BIGINT),
                        new io.strata.compute.expression.Expr.ColumnRef(0, DataType.BIGINT)), DataType.BOOLEAN);
        io.strata.compute.expression.Expr mixedTypes = new io.strata.compute.expression.Expr.Call(
                io.strata.compute.expression.ScalarFunction.EQUALS,
                java.util.List.of(new io.strata.compute.expression.Expr.ColumnRef(1, DataType.TEXT),
                        new io.strata.compute.expression.Expr.ColumnRef(2, DataType.BIGINT)), DataType.BOOLEAN);
        io.strata.compute.expression.Expr residual = new io.strata.compute.expression.Expr.Call(
                io.strata.compute.expression.ScalarFunction.AND, java.util.List.of(nullSafe, mixedTypes), DataType.BOOLEAN);
        io.strata.compute.plan.PhysicalNode.Join join = new io.strata.compute.plan.PhysicalNode.Join(
                new io.strata.compute.plan.PhysicalNode.Values(java.util.List.of(), columns),
                new io.strata.compute.plan.PhysicalNode.Values(java.util.List.of(), columns),
                io.strata.compute.plan.JoinType.INNER, new int[] {1}, new int[] {1}, residual, columns);
        JoinKeys keys = JoinKeys.of(join, columns, columns);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {1, 0}, keys.left());
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {1, 0}, keys.right());
        org.junit.jupiter.api.Assertions.assertArrayEquals(new boolean[] {false, true}, keys.nullSafe());
        // a string compared with a number compares as doubles, which hashing would not match: it stays residual
        assertEquals(mixedTypes, keys.residual());
    }
}
