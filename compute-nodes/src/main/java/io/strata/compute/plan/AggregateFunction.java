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
    ANY_VALUE,
    /** SUM that gives 0 instead of NULL when the group has no non-NULL value (Calcite's {@code $SUM0}). */
    SUM0,
    /**
     * The group's only value, NULL for an empty group; more than one row is error 1242
     * "Subquery returns more than 1 row" (Calcite's SINGLE_VALUE for scalar subqueries).
     */
    SINGLE_VALUE,
    /** MySQL's JSON_ARRAYAGG(x): the group's values as a JSON array, a NULL as JSON null; NULL for no rows. */
    JSON_ARRAYAGG,
    /**
     * MySQL's JSON_OBJECTAGG(key, value): a JSON object of the group's pairs, the last of equal keys winning;
     * a NULL key is error 3158. NULL for no rows.
     */
    JSON_OBJECTAGG
}
