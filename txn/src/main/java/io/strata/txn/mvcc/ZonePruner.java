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
    private final TableDefinition definition;
    private final List<ColumnRange> ranges;

    ZonePruner(TableDefinition definition, List<ColumnRange> ranges) {
        this.definition = definition;
        this.ranges = List.copyOf(ranges);
    }

    /** False only when some range surely excludes every row of {@code block}. */
    boolean mayMatch(BlockMeta block) {
        return mayMatch(column -> {
            ColumnChunk chunk = block.columns().get(column);
            return new Zone(chunk.min(), chunk.max(), chunk.nullCount(), block.rowCount());
        });
    }

    /** False only when some range surely excludes every row of a logtail segment. */
    boolean mayMatch(SegmentZones segment) {
        return mayMatch(segment::zone);
    }

    private boolean mayMatch(java.util.function.IntFunction<Zone> zones) {
        for (ColumnRange range : ranges) {
            if (range.column() >= definition.columns().size()) {
                continue;
            }
            DataType type = definition.columns().get(range.column()).type();
            if (!(type.kind().isNumeric() || type.kind().isTemporal()) || type.kind() == io.strata.common.type.TypeKind.BOOLEAN) {
                continue;
            }
            Zone zone = zones.apply(range.column());
            if (zone.min() == null) {
                if (zone.nullCount() == zone.rowCount()) {
                    return false; // only NULLs: no bound matches NULL
                }
                continue; // no zone map (e.g. only NaN): cannot tell
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
