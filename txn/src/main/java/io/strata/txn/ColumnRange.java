package io.strata.txn;

/**
 * A bound on one column that a scan may use to skip whole blocks by their zone maps (min/max): rows
 * whose value lies outside [{@code lower}, {@code upper}] (inclusive; null = unbounded), or is NULL, may
 * be left out. Values are the Java classes {@link io.strata.common.type.ArrowValues} uses. Pruning is
 * coarse: the caller still filters the rows it gets.
 */
public record ColumnRange(int column, Object lower, Object upper) {
    public ColumnRange {
        if (column < 0) {
            throw new IllegalArgumentException("negative column index: " + column);
        }
    }
}
