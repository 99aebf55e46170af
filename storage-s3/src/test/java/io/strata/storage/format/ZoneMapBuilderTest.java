package io.strata.storage.format;

import io.strata.common.type.ArrowTypes;
import io.strata.common.type.ArrowValues;
import io.strata.common.type.DataType;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class ZoneMapBuilderTest {
    private static Object[] minMax(DataType type, Object... values) {
        try (RootAllocator allocator = new RootAllocator();
             FieldVector vector = ArrowTypes.field("c", type, true).createVector(allocator)) {
            vector.allocateNew();
            for (int i = 0; i < values.length; i++) {
                ArrowValues.set(vector, i, values[i]);
            }
            vector.setValueCount(values.length);
            return ZoneMapBuilder.minMax(vector);
        }
    }

    @Test
    void integralColumnsGiveLongBoundsSkippingNulls() {
        for (DataType type : List.of(DataType.TINYINT, DataType.SMALLINT, DataType.INT, DataType.BIGINT)) {
            assertArrayEquals(new Object[] {-3L, 90L}, minMax(type, 5L, null, -3L, 90L, null), type.toString());
            assertArrayEquals(new Object[] {null, null}, minMax(type, null, null), type + " all NULL");
        }
        assertArrayEquals(new Object[] {Long.MIN_VALUE, Long.MAX_VALUE}, minMax(DataType.BIGINT, Long.MAX_VALUE, Long.MIN_VALUE));
    }

    @Test
    void otherColumnsCompareTheirValuesAndSkipNaN() {
        assertArrayEquals(new Object[] {"apple", "pear"}, minMax(DataType.varchar(10), "pear", null, "apple", "fig"));
        assertArrayEquals(new Object[] {-1.5, 2.0}, minMax(DataType.DOUBLE, 2.0, Double.NaN, -1.5));
        assertArrayEquals(new Object[] {null, null}, minMax(DataType.DOUBLE, Double.NaN), "only NaN");
    }
}
