package io.strata.compute.operator;

/**
 * Where evaluation reports MySQL warnings (what SHOW WARNINGS lists), such as STR_TO_DATE's 1411 for a
 * text that does not match its format. The receiver bounds how many it keeps.
 */
@FunctionalInterface
public interface WarningSink {
    /** Drops every warning (executions nobody asks about). */
    WarningSink NONE = (code, message) -> { };

    void warn(int mysqlCode, String message);
}
