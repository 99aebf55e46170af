package io.strata.sql;

import io.strata.common.session.StatementResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A prepared UPDATE or DELETE plans its row selection once and stays right across executions and DDL. */
class PreparedDmlPlanReuseTest extends SessionFixture {
    private long affected(int statementId, List<Object> parameters) {
        try (StatementResult result = session.executePrepared(statementId, parameters)) {
            return ((StatementResult.Ok) result).affectedRows();
        }
    }

    @Test
    void repeatedExecutionsUseTheirOwnParameters() {
        ok("CREATE DATABASE d");
        ok("USE d");
        ok("CREATE TABLE t (id INT PRIMARY KEY, v INT)");
        ok("INSERT INTO t VALUES (1, 10), (2, 20), (3, 30), (4, 40)");
        int update = session.prepare("UPDATE t SET v = v + ? WHERE id BETWEEN ? AND ?").statementId();
        int delete = session.prepare("DELETE FROM t WHERE id = ?").statementId();
        assertEquals(2, affected(update, List.of(1L, 1L, 2L)));
        assertEquals(1, affected(update, List.of(100L, 4L, 9L)));
        assertEquals(1, affected(delete, List.of(3L)));
        assertEquals(0, affected(delete, List.of(3L)));
        assertEquals(List.of(row(1L, 11L), row(2L, 21L), row(4L, 140L)), rows("SELECT id, v FROM t ORDER BY id"));

        // DDL makes the kept plan stale: the same statement now runs against the new table.
        ok("DROP TABLE t");
        ok("CREATE TABLE t (v INT, id INT PRIMARY KEY, extra VARCHAR(5))");
        ok("INSERT INTO t VALUES (7, 1, 'a'), (8, 2, 'b')");
        assertEquals(1, affected(update, List.of(5L, 2L, 2L)));
        assertEquals(1, affected(delete, List.of(1L)));
        assertEquals(List.of(row(13L, 2L, "b")), rows("SELECT * FROM t"));
    }
}
