package io.strata.common.error;

/** What kind of failure an error is; the category decides whether the transaction survives it. */
public enum ErrorCategory {
    /** Bad input from the user: the statement fails, the transaction goes on. */
    USER,
    /** A conflict with another transaction: the transaction is rolled back, the client should retry. */
    CONFLICT,
    /** A resource limit was hit (memory, queue, time). */
    RESOURCE,
    /** Object storage or the log failed. */
    STORAGE,
    /** A bug in Strata. */
    INTERNAL
}
