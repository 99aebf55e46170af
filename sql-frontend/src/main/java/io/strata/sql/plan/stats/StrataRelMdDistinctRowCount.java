package io.strata.sql.plan.stats;

import io.strata.txn.ColumnStatistics;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.ImmutableBitSet;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.Optional;

/**
 * Distinct values of columns of a scanned table: each column's from its statistics (a unique key's are
 * its rows), several columns' the product capped by the rows; a predicate keeps the share of them the
 * rows it selects would show ({@link RelMdUtil#numDistinctVals}).
 */
public final class StrataRelMdDistinctRowCount implements MetadataHandler<BuiltInMetadata.DistinctRowCount> {
    @Override
    public MetadataDef<BuiltInMetadata.DistinctRowCount> getDef() {
        return BuiltInMetadata.DistinctRowCount.DEF;
    }

    public @Nullable Double getDistinctRowCount(TableScan scan, RelMetadataQuery mq, ImmutableBitSet groupKey,
                                                @Nullable RexNode predicate) {
        Double rows = mq.getRowCount(scan);
        if (rows == null) {
            return null;
        }
        if (groupKey.isEmpty()) {
            return rows > 0 ? 1.0 : 0.0;
        }
        double distinct;
        if (RelMdUtil.areColumnsDefinitelyUnique(mq, scan, groupKey)) {
            distinct = rows;
        } else {
            distinct = 1;
            for (int field : groupKey) {
                Optional<ColumnStatistics> column = ScanStatistics.column(scan, field);
                if (column.isEmpty()) {
                    return null;
                }
                // A NULL is a group of its own; one more value covers it.
                distinct *= Math.max(1, column.get().distinctValues()) + (column.get().nullFraction() > 0 ? 1 : 0);
            }
            distinct = Math.min(distinct, rows);
        }
        if (predicate == null || predicate.isAlwaysTrue()) {
            return distinct;
        }
        Double selectivity = mq.getSelectivity(scan, predicate);
        return selectivity == null ? distinct : RelMdUtil.numDistinctVals(distinct, rows * selectivity);
    }
}
