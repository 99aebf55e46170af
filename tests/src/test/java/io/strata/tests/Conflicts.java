package io.strata.tests;

import java.sql.SQLException;

/** What a write-write conflict looks like to a MySQL client: ER_LOCK_DEADLOCK (1213) or SQLSTATE 40001. */
final class Conflicts {
    static final int ER_LOCK_DEADLOCK = 1213;
    static final String SERIALIZATION_FAILURE = "40001";

    private Conflicts() {}

    static boolean isConflict(SQLException e) {
        return e.getErrorCode() == ER_LOCK_DEADLOCK || SERIALIZATION_FAILURE.equals(e.getSQLState());
    }
}
