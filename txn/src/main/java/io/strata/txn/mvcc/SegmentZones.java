package io.strata.txn.mvcc;

import io.strata.common.type.ArrowValues;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Zone maps of a logtail segment's columns, computed the first time a pruning scan asks for a column
 * (segments are immutable, so once is enough). Lets range scans skip whole segments, as they skip
 * object blocks.
 */
final class SegmentZones {
    private final VectorSchemaRoot rows;
    private final AtomicReferenceArray<Zone> zones;

    SegmentZones(VectorSchemaRoot rows) {
        this.rows = rows;
        this.zones = new AtomicReferenceArray<>(rows.getFieldVectors().size());
    }

    Zone zone(int column) {
        Zone zone = zones.get(column);
        if (zone == null) {
            zone = compute(rows.getVector(column));
            zones.set(column, zone); // a racing thread computes the same value
        }
        return zone;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Zone compute(FieldVector vector) {
        Comparable min = null;
        Comparable max = null;
        int rowCount = vector.getValueCount();
        int nulls = 0;
        for (int row = 0; row < rowCount; row++) {
            if (vector.isNull(row)) {
                nulls++;
                continue;
            }
            Object value = ArrowValues.get(vector, row);
            if (!(value instanceof Comparable comparable) || value instanceof Double d && d.isNaN()) {
                return Zone.of(null, null, nulls, rowCount); // cannot order: no pruning
            }
            if (min == null || comparable.compareTo(min) < 0) {
                min = comparable;
            }
            if (max == null || comparable.compareTo(max) > 0) {
                max = comparable;
            }
        }
        return Zone.of(min, max, nulls, rowCount);
    }
}
