package io.strata.sql.parser;

import io.strata.common.error.StrataException;
import io.strata.sql.parser.ast.LockMode;
import io.strata.sql.parser.ast.SqlLockingRead;
import org.apache.calcite.sql.SqlNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LockingClausesTest {
    @Test
    void eachFormBecomesALockingRead() {
        SqlLockingRead update = assertInstanceOf(SqlLockingRead.class, StrataParser.parseOne("select c from t where id = 1 for update"));
        assertEquals(LockMode.EXCLUSIVE, update.mode());
        assertFalse(update.noWait());
        SqlLockingRead share = assertInstanceOf(SqlLockingRead.class,
                StrataParser.parseOne("SELECT * FROM t ORDER BY a LIMIT 1 FOR SHARE NOWAIT;"));
        assertEquals(LockMode.SHARED, share.mode());
        assertTrue(share.noWait());
        assertEquals(LockMode.SHARED, assertInstanceOf(SqlLockingRead.class,
                StrataParser.parseOne("SELECT * FROM t LOCK\nIN SHARE MODE")).mode());
    }

    @Test
    void onlyAClauseAtTheEndOfAStatementCounts() {
        List<SqlNode> statements = StrataParser.parseStatements("SELECT 1 FOR UPDATE; SELECT 'x FOR UPDATE'; SELECT 2 -- FOR UPDATE");
        assertInstanceOf(SqlLockingRead.class, statements.get(0));
        assertFalse(statements.get(1) instanceof SqlLockingRead);
        assertFalse(statements.get(2) instanceof SqlLockingRead);
        assertFalse(StrataParser.parseOne("SELECT `for update` FROM t") instanceof SqlLockingRead);
    }

    @Test
    void unsupportedOptionsStaySyntaxErrors() {
        assertThrows(StrataException.class, () -> StrataParser.parseOne("SELECT * FROM t FOR UPDATE SKIP LOCKED"));
        assertThrows(StrataException.class, () -> StrataParser.parseOne("SELECT * FROM t FOR UPDATE OF t"));
        assertThrows(StrataException.class, () -> StrataParser.parseOne("DELETE FROM t FOR UPDATE"));
    }
}
