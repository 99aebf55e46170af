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

    private static byte[] encoded(Column column) {
        EncodedKeys keys = EncodedKeys.of(new Column[] {column}, null, 1);
        return java.util.Arrays.copyOfRange(keys.bytes(), keys.start(0), keys.end(0));
    }

    @Test
    void encodedKeysAreEqualExactlyWhenRowKeysAre() {
        Object[][] values = {
            {DataType.INT, 1L}, {DataType.decimal(5, 2), new BigDecimal("1.00")}, {DataType.DOUBLE, 1.0},
            {DataType.decimal(3, 1), new BigDecimal("0.5")}, {DataType.DOUBLE, 0.5}, {DataType.DOUBLE, -0.0},
            {DataType.INT, 0L}, {DataType.decimal(30, 2), new BigDecimal("1234567890123456789012.50")},
            {DataType.decimal(30, 1), new BigDecimal("1234567890123456789012.5")}, {DataType.DOUBLE, 1e300},
            {DataType.DOUBLE, Double.POSITIVE_INFINITY}, {DataType.decimal(12, 4), new BigDecimal("-7.2500")},
            {DataType.decimal(9, 2), new BigDecimal("-7.25")}, {DataType.TEXT, "ABC"}, {DataType.varchar(9), "abc"},
            {DataType.TEXT, "Élan"}, {DataType.TEXT, "elan"}, {DataType.TEXT, "elan "}, {DataType.TEXT, ""},
            {DataType.DATE, LocalDate.of(2024, 1, 2)}, {DataType.DATETIME, LocalDateTime.of(2024, 1, 2, 0, 0)},
            {DataType.DATETIME, LocalDateTime.of(2024, 1, 2, 0, 1)}, {DataType.BLOB, new byte[] {1, 2}},
            {DataType.BLOB, new byte[0]}, {DataType.INT, null},
        };
        for (Object[] a : values) {
            for (Object[] b : values) {
                Column left = Column.fromValues((DataType) a[0], new Object[] {a[1]});
                Column right = Column.constant(b[1], (DataType) b[0], 1); // DECIMALs held unscaled where they fit
                boolean equal = java.util.Objects.equals(RowKey.normalize(left)[0], RowKey.normalize(right)[0]);
                assertEquals(equal, java.util.Arrays.equals(encoded(left), encoded(right)), a[1] + " vs " + b[1]);
            }
        }
    }

    @Test
    void stringsReadFromVectorsEncodeAsTheirStringsDo() {
        String[] texts = {"MAIL", "mail", "Straße", "STRASSE", "ÉLAN", "", "a\u0000b"};
        try (var allocator = new org.apache.arrow.memory.RootAllocator();
             var vector = new org.apache.arrow.vector.VarCharVector("s", allocator)) {
            vector.allocateNew();
            for (int i = 0; i < texts.length; i++) {
                vector.setSafe(i, texts[i].getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            vector.setNull(texts.length);
            vector.setValueCount(texts.length + 1);
            Column read = Column.read(vector, DataType.TEXT, texts.length + 1);
            assertTrue(read.utf8() != null, "strings are held as UTF-8 until asked for");
            EncodedKeys fromVector = EncodedKeys.of(new Column[] {read}, new boolean[] {false}, texts.length + 1);
            for (int i = 0; i < texts.length; i++) {
                assertEquals(java.util.Arrays.toString(encoded(Column.fromValues(DataType.TEXT, new Object[] {texts[i]}))),
                        java.util.Arrays.toString(java.util.Arrays.copyOfRange(fromVector.bytes(), fromVector.start(i),
                                fromVector.end(i))), texts[i]);
                assertFalse(fromVector.unmatchable(i));
            }
            assertTrue(fromVector.unmatchable(texts.length), "a NULL part that is not null-safe matches nothing");
            assertEquals(java.util.Arrays.asList((Object[]) texts), java.util.Arrays.asList(read.objects()).subList(0, texts.length));
        }
    }

    @Test
    void keyTableNumbersDistinctKeysInOrderThroughGrowth() {
        Random random = new Random(11);
        int rows = 40_000;
        Object[] numbers = new Object[rows];
        Object[] strings = new Object[rows];
        for (int i = 0; i < rows; i++) {
            numbers[i] = (long) random.nextInt(300);
            strings[i] = random.nextBoolean() ? "k" + random.nextInt(40) : "K" + random.nextInt(40);
        }
        Column[] parts = {Column.fromValues(DataType.BIGINT, numbers), Column.fromValues(DataType.TEXT, strings)};
        EncodedKeys keys = EncodedKeys.of(parts, null, rows);
        KeyTable table = new KeyTable(4);
        Map<java.util.List<Object>, Integer> expected = new HashMap<>();
        for (int i = 0; i < rows; i++) {
            java.util.List<Object> key = java.util.List.of(numbers[i], ((String) strings[i]).toLowerCase());
            Integer id = expected.get(key);
            assertEquals(id == null ? -1 : id, table.find(keys, i));
            if (id == null) {
                expected.put(key, expected.size());
            }
            assertEquals(expected.get(key), table.findOrAdd(keys, i));
        }
        assertEquals(expected.size(), table.size());
    }
}
