package io.strata.sql.load;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.sql.session.SessionState;

import java.util.Set;

/**
 * What a LOAD DATA does with a data-interpretation problem (a value that does not convert, a row with too
 * few or too many fields, NULL for a NOT NULL column): in strict mode without LOCAL or IGNORE it is the
 * statement's error; otherwise a warning, and the load goes on (MySQL 8.0 manual, 15.2.9 "Duplicate-Key
 * and Error Handling").
 */
final class LoadConditions {
    /** The conversion errors that become warnings when the load is not strict. */
    private static final Set<ErrorCode> DATA_ERRORS = Set.of(ErrorCode.ER_TRUNCATED_WRONG_VALUE_FOR_FIELD,
            ErrorCode.ER_TRUNCATED_WRONG_VALUE, ErrorCode.ER_WARN_DATA_OUT_OF_RANGE, ErrorCode.ER_DATA_TOO_LONG,
            ErrorCode.ER_WARN_DATA_TRUNCATED, ErrorCode.ER_DATA_OUT_OF_RANGE);

    private final boolean strict;
    private final SessionState session;

    LoadConditions(boolean strict, SessionState session) {
        this.strict = strict;
        this.session = session;
    }

    boolean strict() { return strict; }

    static boolean isDataError(StrataException e) {
        return DATA_ERRORS.contains(e.code());
    }

    /** Raises a problem: thrown when strict, else kept as a warning. */
    void raise(ErrorCode code, String format, Object... args) {
        StrataException problem = StrataException.of(code, format, args);
        if (strict) {
            throw problem;
        }
        warn(problem);
    }

    /** Keeps {@code problem} as a warning (a duplicate key skipped, a value converted leniently). */
    void warn(StrataException problem) {
        session.warn(new SessionState.Warning("Warning", problem.code().mysqlCode(), problem.getMessage()));
    }
}
