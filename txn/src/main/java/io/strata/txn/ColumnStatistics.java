package io.strata.txn;

/**
 * What a table's objects say about one column, for the planner's estimates: the distinct non-null values
 * (from the objects' sketches, scaled to the rows they do not cover), the fraction of NULLs, and the
 * smallest and largest value (from the zone maps; null when unknown). Estimates only: rows in the logtail
 * and the transaction's own writes are not looked at.
 */
public record ColumnStatistics(double distinctValues, double nullFraction, Object min, Object max) {
    public ColumnStatistics {
        if (distinctValues < 0 || nullFraction < 0 || nullFraction > 1) {
            throw new IllegalArgumentException("distinct " + distinctValues + ", null fraction " + nullFraction);
        }
    }
}
