package io.strata.storage.format;

import io.strata.common.type.ArrowTypes;
import io.strata.common.type.ArrowValues;
import io.strata.common.type.DataType;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.FieldVector;

/** Min and max of the non-null values of one column chunk (values as {@link ArrowValues#get} returns them). */
final class ZoneMapBuilder {
    private ZoneMapBuilder() {}

    /** {@code [min, max]}, both null when the vector holds no comparable value. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object[] minMax(FieldVector vector) {
        DataType type = ArrowTypes.sqlType(vector.getField());
        switch (type.kind()) {
            case TINYINT, SMALLINT, INT, BIGINT -> {
                return integralMinMax((BaseIntVector) vector);
            }
            default -> { }
        }
        Comparable min = null;
        Comparable max = null;
        int rows = vector.getValueCount();
        for (int row = 0; row < rows; row++) {
            Object value = ArrowValues.get(vector, row, type);
            if (value == null || (value instanceof Double d && d.isNaN())) {
                continue; // NaN has no place in an order; pruning must not rely on it
            }
            Comparable comparable = (Comparable) value;
            if (min == null || comparable.compareTo(min) < 0) {
                min = comparable;
            }
            if (max == null || comparable.compareTo(max) > 0) {
                max = comparable;
            }
        }
        return new Object[] {min, max};
    }

    /** TINYINT to BIGINT columns, without boxing each value: the bounds as Longs (what {@link ArrowValues#get} gives). */
    private static Object[] integralMinMax(BaseIntVector integers) {
        FieldVector vector = (FieldVector) integers;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        boolean any = false;
        int rows = vector.getValueCount();
        for (int row = 0; row < rows; row++) {
            if (vector.isNull(row)) {
                continue;
            }
            long value = integers.getValueAsLong(row);
            min = Math.min(min, value);
            max = Math.max(max, value);
            any = true;
        }
        return any ? new Object[] {min, max} : new Object[] {null, null};
    }
}
