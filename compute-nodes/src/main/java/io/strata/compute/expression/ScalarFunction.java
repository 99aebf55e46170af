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
    /** NULL-safe equality, MySQL's {@code <=>}: never NULL; two NULLs are equal. */
    IS_NOT_DISTINCT_FROM,
    /** NOT {@code <=>}. */
    IS_DISTINCT_FROM,
    // logic (three-valued)
    AND, OR, NOT, IS_NULL, IS_NOT_NULL, IS_TRUE, IS_FALSE, IS_NOT_TRUE, IS_NOT_FALSE,
    // strings
    LIKE, NOT_LIKE, CONCAT, UPPER, LOWER, SUBSTRING, CHAR_LENGTH, LENGTH, TRIM,
    /** args: separator, values...; NULL values are skipped, a NULL separator gives NULL. */
    CONCAT_WS,
    /** args: string, from, to; replaces every occurrence (case-sensitively, as MySQL does). */
    REPLACE,
    /** args: string, count: the leftmost / rightmost characters. */
    LEFT, RIGHT,
    /** args: string, length, padding: pads (or cuts) to the length. */
    LPAD, RPAD,
    REVERSE,
    /** args: needle, haystack[, start]: 1-based position of the needle, 0 if absent (INSTR(s, n) is LOCATE(n, s)). */
    LOCATE,
    /** args: string, delimiter, count: the part before the count-th delimiter (count < 0: after, from the end). */
    SUBSTRING_INDEX,
    /** args: string, count; SPACE(count) is count spaces. */
    REPEAT, SPACE,
    /** Leading / trailing spaces removed. */
    LTRIM, RTRIM,
    /** The first byte of the string's UTF-8 form. */
    ASCII,
    /** HEX: a string's bytes or a number in hexadecimal; UNHEX: the bytes of hexadecimal digits. */
    HEX, UNHEX,
    /** args: number, decimals: rounded and grouped by thousands, '1,234.50'. */
    FORMAT,
    // regular expressions (see RegexpFunctions for the arguments)
    REGEXP_LIKE, REGEXP_INSTR, REGEXP_SUBSTR, REGEXP_REPLACE,
    // numbers
    ABS, ROUND, FLOOR, CEIL,
    /** args: number, decimals: cut toward zero. */
    TRUNCATE,
    /** -1, 0 or 1. */
    SIGN,
    /** DOUBLE results; SQRT of a negative and LN/LOG10 of a non-positive number are NULL. */
    POWER, SQRT, EXP, LN, LOG10,
    /** The largest / smallest argument, compared as comparisons do; NULL if any argument is NULL. */
    GREATEST, LEAST,
    // vectors (MatrixOne's names); args are vectors or their text '[1, 2, 3]'; dimensions must agree
    /** sqrt(sum((a - b)^2)), DOUBLE. */
    L2_DISTANCE,
    /** sum((a - b)^2), DOUBLE: orders like L2_DISTANCE without the square root. */
    L2_DISTANCE_SQ,
    /** 1 - cosine similarity, DOUBLE; NULL when either vector is all zeros. */
    COSINE_DISTANCE,
    COSINE_SIMILARITY,
    /** sum(a * b), DOUBLE. */
    INNER_PRODUCT,
    /** args: one vector: sqrt(sum(a^2)), DOUBLE. */
    L2_NORM,
    /** args: one vector: its dimension, BIGINT. */
    VECTOR_DIMS,
    // conditionals: CASE args are when1, then1, ..., [else]
    CASE, COALESCE, IF, IFNULL, NULLIF,
    // conversion to this call's type
    CAST,
    // date and time
    YEAR, MONTH, DAY, CURRENT_DATE, CURRENT_TIMESTAMP, CURRENT_TIME,
    HOUR, MINUTE, SECOND, MICROSECOND,
    /** English names: 'Monday', 'January'. */
    DAYNAME, MONTHNAME,
    /** 1..366; 0 = Monday ... 6 = Sunday; 1..4. */
    DAYOFYEAR, WEEKDAY, QUARTER,
    /** args: date[, mode]: MySQL's week numbers (mode 0..7, default 0); YEARWEEK as year * 100 + week. */
    WEEK, YEARWEEK,
    /** The last day of the date's month. */
    LAST_DAY,
    /** Days since year 0 (0000-01-01 is day 1). */
    TO_DAYS,
    /** args: date, format (DATE_FORMAT's specifiers): VARCHAR. */
    DATE_FORMAT,
    /** args: text, format: a DATE, DATETIME or TIME (the call's type); NULL with warning 1411 when it does not match. */
    STR_TO_DATE,
    /** args: none (the statement's start) or a date: seconds since the epoch in the session time zone. */
    UNIX_TIMESTAMP,
    /** args: seconds since the epoch: the local DATETIME. */
    FROM_UNIXTIME,
    /** args: none or the fractional digits: the statement's start in UTC (UTC_DATE and UTC_TIME are casts of it). */
    UTC_TIMESTAMP,
    /** args: datetime, from zone, to zone ({@link TimeZones}): the datetime in the other zone; NULL for an unknown zone. */
    CONVERT_TZ,
    /** args: unit name as a string (MICROSECOND ... YEAR), from, to: whole units from one to the other. */
    TIMESTAMPDIFF,
    /** 1 = Sunday ... 7 = Saturday. */
    DAYOFWEEK,
    /** args: a, b: the days from b to a, ignoring times. */
    DATEDIFF,
    /**
     * args: a date or datetime (a string is read as one), a number of months (negative subtracts),
     * as {@code d + INTERVAL n MONTH}; a day past the end of the month clamps to its last day.
     * Calcite's year-month intervals are in months.
     */
    ADD_MONTHS,
    /**
     * args: a date or datetime, a number of milliseconds (negative subtracts), as
     * {@code d + INTERVAL n DAY/HOUR/...}; Calcite's day-time intervals are in milliseconds.
     * A DATE result drops the time of day; a TIME plus a time stays a TIME. For ADD_MONTHS and ADD_MILLISECONDS
     * of a string (a VARCHAR call type), a third argument gives the fractional digits a datetime result is
     * printed with, and a fourth is 1 when the unit has a time part (the result is then always a datetime).
     */
    ADD_MILLISECONDS,
    /** As ADD_MILLISECONDS, with a number of microseconds (MySQL's *_MICROSECOND and MICROSECOND intervals). */
    ADD_MICROSECONDS,
    /**
     * args: value, column name: the value stored into a column of the call's type, as INSERT stores it in
     * strict mode (1406 for a string too long, 1264 for a number out of range, naming the column and row).
     */
    STORE,
    /**
     * CAST to CHAR(n) or to an integer as a query writes it (CAST, CONVERT): CAST's conversion (a string cut
     * to n characters, fractions rounded, text read by its integer prefix) with MySQL's
     * warning 1292 when a string is cut or a text is not wholly an integer.
     */
    EXPLICIT_CAST,
    /**
     * args: value, unit name ({@link IntervalUnit}): the amount of {@code INTERVAL value unit} read from the
     * value's text as MySQL does (months for YEAR_MONTH, else microseconds); NULL with warning 1441 when the
     * text does not read as one.
     */
    INTERVAL_AMOUNT,
    // JSON (MySQL 8; json/JsonFunctions): documents are JSON-typed columns of normalized text
    /** args: document, path...: one path without wildcards gives its value, else an array of every match. */
    JSON_EXTRACT,
    /** A JSON string's value as text; other documents as their text. */
    JSON_UNQUOTE,
    JSON_QUOTE,
    /** args: key, value, ...: NULL values are JSON null, a NULL key is an error. */
    JSON_OBJECT,
    JSON_ARRAY,
    /** 1 when the argument is JSON or JSON text, else 0. */
    JSON_VALID,
    JSON_TYPE,
    /** args: document[, path]. */
    JSON_LENGTH,
    JSON_KEYS,
    /** args: target, candidate[, path]. */
    JSON_CONTAINS,
    /** args: document, 'one' | 'all', path.... */
    JSON_CONTAINS_PATH,
    /** args: document, then path, value pairs. */
    JSON_SET, JSON_INSERT, JSON_REPLACE,
    /** args: document, path.... */
    JSON_REMOVE
}
