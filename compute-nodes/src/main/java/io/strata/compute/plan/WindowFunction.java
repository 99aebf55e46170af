package io.strata.compute.plan;

/** Functions computed over a window: ranking, offsets and aggregates over each row's frame. */
public enum WindowFunction {
    ROW_NUMBER, RANK, DENSE_RANK,
    /** (rank - 1) / (partition rows - 1), and the share of partition rows up to the row's last peer: DOUBLEs. */
    PERCENT_RANK, CUME_DIST,
    /** args: bucket count, a positive literal; the row's bucket (1-based), earlier buckets one row larger. */
    NTILE,
    /** args: value [, offset [, default]]; offset and default are literals. */
    LAG, LEAD,
    FIRST_VALUE, LAST_VALUE,
    /** args: value, n (a positive literal): the frame's n-th row's value (FROM FIRST, RESPECT NULLS), else NULL. */
    NTH_VALUE,
    /** COUNT(*) has no argument. */
    COUNT, SUM, AVG, MIN, MAX,
    /** SUM that is 0, not NULL, over no values (Calcite's $SUM0). */
    SUM0
}
