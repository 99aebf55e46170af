package io.strata.txn.mvcc;

import io.strata.common.type.DataType;
import io.strata.storage.format.BlockMeta;
import io.strata.storage.format.ColumnChunk;
import io.strata.txn.ColumnRange;
import io.strata.txn.catalog.TableDefinition;

import java.util.List;

/**
 * Decides from a block's zone maps whether it can hold a row inside every {@link ColumnRange}. Only
 * numeric and temporal columns prune: string zone maps compare binary, and MySQL's default collation
 * does not, so a string bound could wrongly skip a block.
 */
final class ZonePruner {
    private final ColumnRange[] ranges;  // only those over columns whose zone maps can prune
    private final boolean[] numeric;     // both bounds (where present) are numbers: integer zones compare longs
    private final long[] lowers;         // the least integer at or above the lower bound
    private final long[] uppers;         // the greatest integer at or below the upper bound

    ZonePruner(TableDefinition definition, List<ColumnRange> ranges) {
        List<ColumnRange> prunable = new java.util.ArrayList<>();
        for (ColumnRange range : ranges) {
            if (range.column() >= definition.columns().size()) {
                continue;
            }
            DataType type = definition.columns().get(range.column()).type();
            if ((type.kind().isNumeric() || type.kind().isTemporal()) && type.kind() != io.strata.common.type.TypeKind.BOOLEAN) {
                prunable.add(range);
            }
        }
        this.ranges = prunable.toArray(ColumnRange[]::new);
        this.numeric = new boolean[this.ranges.length];
        this.lowers = new long[this.ranges.length];
        this.uppers = new long[this.ranges.length];
        for (int i = 0; i < this.ranges.length; i++) {
            Object lower = this.ranges[i].lower();
            Object upper = this.ranges[i].upper();
            numeric[i] = (lower == null || lower instanceof Number) && (upper == null || upper instanceof Number);
            if (numeric[i]) {
                lowers[i] = lower == null ? Long.MIN_VALUE : RangeSelector.ceiling((Number) lower);
                uppers[i] = upper == null ? Long.MAX_VALUE : RangeSelector.floor((Number) upper);
            }
        }
    }

    /**
     * The integer bounds {lower, upper} that the ranges over {@code column} with numeric bounds put on it
     * (their intersection), or null if there is none.
     */
    long[] integerBounds(int column) {
        long[] bounds = null;
        for (int i = 0; i < ranges.length; i++) {
            if (ranges[i].column() == column && numeric[i]) {
                bounds = bounds == null ? new long[] {Long.MIN_VALUE, Long.MAX_VALUE} : bounds;
                bounds[0] = Math.max(bounds[0], lowers[i]);
                bounds[1] = Math.min(bounds[1], uppers[i]);
            }
        }
        return bounds;
    }

    /** False only when some range surely excludes every row of {@code block}. */
    boolean mayMatch(BlockMeta block) {
        return mayMatch(column -> {
            ColumnChunk chunk = block.columns().get(column);
            return Zone.of(chunk.min(), chunk.max(), chunk.nullCount(), block.rowCount());
        });
    }

    /** False only when some range surely excludes every row of a logtail segment. */
    boolean mayMatch(SegmentZones segment) {
        return mayMatch(segment::zone);
    }

    private boolean mayMatch(java.util.function.IntFunction<Zone> zones) {
        for (int i = 0; i < ranges.length; i++) {
            ColumnRange range = ranges[i];
            Zone zone = zones.apply(range.column());
            if (zone.min() == null) {
                if (zone.nullCount() == zone.rowCount()) {
                    return false; // only NULLs: no bound matches NULL
                }
                continue; // no zone map (e.g. only NaN): cannot tell
            }
            if (numeric[i] && zone.integral()) {
                // The common case (integer keys): no boxing comparisons.
                if (zone.maxLong() < lowers[i] || zone.minLong() > uppers[i]) {
                    return false;
                }
                continue;
            }
            if (range.lower() != null && BoundOrder.compare(zone.max(), range.lower()) < 0) {
                return false;
            }
            if (range.upper() != null && BoundOrder.compare(zone.min(), range.upper()) > 0) {
                return false;
            }
        }
        return true;
    }
}
