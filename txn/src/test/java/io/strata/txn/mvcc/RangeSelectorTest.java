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
}
