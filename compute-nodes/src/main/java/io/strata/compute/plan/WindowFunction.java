package io.strata.compute.plan;

/** Functions computed over a window: ranking, offsets and aggregates over each row's frame. */
public enum WindowFunction {
    ROW_NUMBER, RANK, DENSE_RANK,
    /** args: value [, offset [, default]]; offset and default are literals. */
    LAG, LEAD,
    FIRST_VALUE, LAST_VALUE,
    /** COUNT(*) has no argument. */
    COUNT, SUM, AVG, MIN, MAX,
    /** SUM that is 0, not NULL, over no values (Calcite's $SUM0). */
    SUM0
}
