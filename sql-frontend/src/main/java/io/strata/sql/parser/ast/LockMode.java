package io.strata.sql.parser.ast;

/** The locking clause of a SELECT: {@code FOR UPDATE} (exclusive) or {@code FOR SHARE} / {@code LOCK IN SHARE MODE}. */
public enum LockMode {
    EXCLUSIVE,
    SHARED
}
