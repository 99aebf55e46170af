package io.strata.txn.mvcc;

import io.strata.txn.ColumnRange;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Range selection over ascending integer vectors (binary search) picks exactly what a row-by-row test picks. */
class RangeSelectorTest {
    final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void close() {
        allocator.close();
    }

    int[] select(BigIntVector vector, ColumnRange range, boolean ascending) {
        RangeSelector[] selectors = RangeSelector.of(List.of(range), new int[] {0}, i -> vector, i -> ascending);
        return RangeSelector.candidates(selectors, vector.getValueCount());
    }

    @Test
    void binarySearchAgreesWithTheScanOnSortedValuesWithDuplicates() {
        Random random = new Random(42);
        try (BigIntVector vector = new BigIntVector("k", allocator)) {
            long[] values = random.longs(3000, -50, 50).sorted().toArray();
            vector.allocateNew(values.length);
            IntStream.range(0, values.length).forEach(i -> vector.set(i, values[i]));
            vector.setValueCount(values.length);
            Object[][] bounds = {{-10L, 10L}, {null, 0L}, {5L, null}, {-100L, -60L}, {60L, 70L}, {7L, 7L}, {10L, -10L},
                    {Long.MIN_VALUE, Long.MAX_VALUE}, {null, null}, {new java.math.BigDecimal("2.5"), 3.5}};
            for (Object[] bound : bounds) {
                ColumnRange range = new ColumnRange(0, bound[0], bound[1]);
                assertArrayEquals(select(vector, range, false), select(vector, range, true), range.toString());
            }
        }
    }

    private static int[] expected(int rows, java.util.function.IntPredicate inside) {
        return IntStream.range(0, rows).filter(inside).toArray();
    }

    @Test
    void datesCompareAsEpochDaysAndNullsNeverMatch() {
        try (org.apache.arrow.vector.DateDayVector vector = new org.apache.arrow.vector.DateDayVector("d", allocator)) {
            vector.allocateNew(400);
            for (int i = 0; i < 400; i++) {
                if (i % 17 == 0) {
                    vector.setNull(i);
                } else {
                    vector.set(i, (int) java.time.LocalDate.of(1994, 1, 1).toEpochDay() - 200 + i);
                }
            }
            vector.setValueCount(400);
            java.time.LocalDate from = java.time.LocalDate.of(1994, 1, 1);
            java.time.LocalDate to = java.time.LocalDate.of(1994, 3, 31);
            RangeSelector[] selectors = RangeSelector.of(List.of(new ColumnRange(0, from, to)), new int[] {0}, i -> vector);
            assertArrayEquals(expected(400, i -> !vector.isNull(i) && !java.time.LocalDate.ofEpochDay(vector.get(i)).isBefore(from)
                    && !java.time.LocalDate.ofEpochDay(vector.get(i)).isAfter(to)), RangeSelector.candidates(selectors, 400));
        }
    }

    @Test
    void decimalsCompareUnscaledWithBoundsRoundedInward() {
        try (org.apache.arrow.vector.DecimalVector vector = new org.apache.arrow.vector.DecimalVector("m", allocator, 15, 2)) {
            vector.allocateNew(300);
            for (int i = 0; i < 300; i++) {
                if (i % 13 == 0) {
                    vector.setNull(i);
                } else {
                    vector.set(i, java.math.BigDecimal.valueOf(i - 150, 2).multiply(java.math.BigDecimal.valueOf(7)));
                }
            }
            vector.setValueCount(300);
            Object[][] bounds = {{new java.math.BigDecimal("-1.005"), new java.math.BigDecimal("2.1")}, {null, 0L},
                    {new java.math.BigDecimal("0.05"), null}, {3L, 2L}};
            for (Object[] bound : bounds) {
                ColumnRange range = new ColumnRange(0, bound[0], bound[1]);
                RangeSelector[] selectors = RangeSelector.of(List.of(range), new int[] {0}, i -> vector);
                assertArrayEquals(expected(300, i -> !vector.isNull(i)
                        && (bound[0] == null || vector.getObject(i).compareTo(new java.math.BigDecimal(bound[0].toString())) >= 0)
                        && (bound[1] == null || vector.getObject(i).compareTo(new java.math.BigDecimal(bound[1].toString())) <= 0)),
                        RangeSelector.candidates(selectors, 300), range.toString());
            }
        }
    }
}
