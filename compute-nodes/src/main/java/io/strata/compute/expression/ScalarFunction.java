package io.strata.compute.expression;

/**
 * Scalar functions and operators with MySQL semantics (NULL in → NULL out unless stated).
 * The frontend maps Calcite's operators onto these.
 */
public enum ScalarFunction {
    // arithmetic
    PLUS, MINUS, MULTIPLY, DIVIDE, INT_DIVIDE, MOD, NEGATE,
    // comparison (strings compare case-insensitively, as utf8mb4_0900_ai_ci)
    EQUALS, NOT_EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL,
    /** args: value, low, high. */
    BETWEEN,
    /** args: value, then the list of candidates. */
    IN,
    // logic (three-valued)
    AND, OR, NOT, IS_NULL, IS_NOT_NULL, IS_TRUE, IS_FALSE, IS_NOT_TRUE, IS_NOT_FALSE,
    // strings
    LIKE, NOT_LIKE, CONCAT, UPPER, LOWER, SUBSTRING, CHAR_LENGTH, LENGTH, TRIM,
    // numbers
    ABS, ROUND, FLOOR, CEIL,
    // conditionals: CASE args are when1, then1, ..., [else]
    CASE, COALESCE, IF, IFNULL, NULLIF,
    // conversion to this call's type
    CAST,
    // date and time
    YEAR, MONTH, DAY, CURRENT_DATE, CURRENT_TIMESTAMP
}
