package io.strata.compute.plan;

public enum AggregateFunction {
    /** COUNT(*): counts rows, takes no argument. */
    COUNT_STAR,
    /** COUNT(x): counts non-null values. */
    COUNT,
    SUM,
    AVG,
    MIN,
    MAX,
    /** Any value of the group (for columns functionally dependent on the group keys). */
    ANY_VALUE
}
