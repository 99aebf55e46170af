package io.strata.storage.format;

import io.strata.common.type.ArrowValues;
import org.apache.arrow.vector.FieldVector;

/** Min and max of the non-null values of one column chunk (values as {@link ArrowValues#get} returns them). */
final class ZoneMapBuilder {
    private ZoneMapBuilder() {}

    /** {@code [min, max]}, both null when the vector holds no comparable value. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object[] minMax(FieldVector vector) {
        Comparable min = null;
        Comparable max = null;
        int rows = vector.getValueCount();
        for (int row = 0; row < rows; row++) {
            if (vector.isNull(row)) {
                continue;
            }
            Object value = ArrowValues.get(vector, row);
            if (value instanceof Double d && d.isNaN()) {
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
}
