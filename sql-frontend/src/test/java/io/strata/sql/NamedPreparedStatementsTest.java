package io.strata.sql;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** SQL-level prepared statements beside the binary protocol's (the SQL file tests cover the statements themselves). */
class NamedPreparedStatementsTest extends SessionFixture {
    @Test
    void theBinaryProtocolCannotPrepareThePreparedStatementCommands() {
        for (String sql : List.of("PREPARE s FROM 'SELECT 1'", "EXECUTE s", "DEALLOCATE PREPARE s", "DROP PREPARE s")) {
            StrataException e = assertThrows(StrataException.class, () -> session.prepare(sql), sql);
            assertEquals(ErrorCode.ER_UNSUPPORTED_PS, e.code(), sql);
        }
    }

    @Test
    void namesArePerSessionAndAResetForgetsThem() throws Exception {
        ok("CREATE DATABASE d");
        ok("USE d");
        ok("PREPARE one FROM 'SELECT 1'");
        assertEquals(List.of(row(1L)), rows("EXECUTE one"));
        try (var other = factory.open("root", "d", 2)) {
            StrataException e = assertThrows(StrataException.class, () -> rows(other, "EXECUTE one"));
            assertEquals(ErrorCode.ER_UNKNOWN_STMT_HANDLER, e.code());
        }
        session.reset(); // COM_RESET_CONNECTION
        assertEquals(ErrorCode.ER_UNKNOWN_STMT_HANDLER, error("EXECUTE one"));
    }
}
