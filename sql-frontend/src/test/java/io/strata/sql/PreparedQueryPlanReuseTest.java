package io.strata.sql;

import io.strata.common.session.Session;
import io.strata.common.session.StatementResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A prepared query keeps its physical plan between executions, and each execution still reads its own
 * transaction's snapshot, its own parameters and the table as it is now.
 */
class PreparedQueryPlanReuseTest extends SessionFixture {
    private List<List<Object>> executed(int statementId, Object... parameters) {
        try (StatementResult result = session.executePrepared(statementId, Arrays.asList(parameters))) {
            StatementResult.Rows rows = (StatementResult.Rows) result;
            List<List<Object>> out = new ArrayList<>();
            while (rows.rows().hasNext()) {
                out.add(new ArrayList<>(Arrays.asList(rows.rows().next())));
            }
            return out;
        }
    }

    @Test
    void eachExecutionReadsItsOwnSnapshot() {
        ok("CREATE DATABASE d");
        ok("USE d");
        ok("CREATE TABLE t (id INT PRIMARY KEY, v INT)");
        ok("INSERT INTO t VALUES (1, 10), (2, 20)");
        int point = session.prepare("SELECT v FROM t WHERE id = ?").statementId();
        int range = session.prepare("SELECT id FROM t WHERE id BETWEEN ? AND ? ORDER BY id").statementId();
        assertEquals(List.of(row(10L)), executed(point, 1L));
        assertEquals(List.of(row(1L), row(2L)), executed(range, 1L, 5L));

        try (Session other = factory.open("root", "d", 2)) {
            one(other, "UPDATE t SET v = 11 WHERE id = 1").close();
            one(other, "INSERT INTO t VALUES (3, 30)").close();
            assertEquals(List.of(row(11L)), executed(point, 1L), "autocommit: a new snapshot per execution");
            assertEquals(List.of(row(1L), row(2L), row(3L)), executed(range, 1L, 5L));

            ok("BEGIN");
            assertEquals(List.of(row(30L)), executed(point, 3L));
            one(other, "UPDATE t SET v = 31 WHERE id = 3").close();
            one(other, "INSERT INTO t VALUES (4, 40)").close();
            assertEquals(List.of(row(30L)), executed(point, 3L), "inside a transaction: its snapshot");
            assertEquals(List.of(row(1L), row(2L), row(3L)), executed(range, 1L, 5L));
            ok("UPDATE t SET v = 12 WHERE id = 1");
            assertEquals(List.of(row(12L)), executed(point, 1L), "the transaction's own write");
            ok("COMMIT");
        }
        assertEquals(List.of(row(31L)), executed(point, 3L));
        assertEquals(List.of(row(1L), row(2L), row(3L), row(4L)), executed(range, 1L, 5L));
    }

    @Test
    void limitsInformationSchemaAndDdlAreSeenAfresh() {
        ok("CREATE DATABASE d");
        ok("USE d");
        ok("CREATE TABLE t (id INT PRIMARY KEY, v INT)");
        ok("INSERT INTO t VALUES (1, 10), (2, 20), (3, 30)");
        int limited = session.prepare("SELECT id FROM t ORDER BY id DESC LIMIT ?").statementId();
        assertEquals(List.of(row(3L)), executed(limited, 1L));
        assertEquals(List.of(row(3L), row(2L)), executed(limited, 2L));

        int tables = session.prepare("SELECT table_name FROM information_schema.tables WHERE table_schema = ? ORDER BY 1")
                .statementId();
        assertEquals(List.of(row("t")), executed(tables, "d"));
        ok("CREATE TABLE u (id INT PRIMARY KEY)");
        assertEquals(List.of(row("t"), row("u")), executed(tables, "d"));

        int all = session.prepare("SELECT * FROM t WHERE id = ?").statementId();
        assertEquals(List.of(row(2L, 20L)), executed(all, 2L));
        ok("DROP TABLE t");
        ok("CREATE TABLE t (id INT PRIMARY KEY, v INT, w VARCHAR(5))");
        ok("INSERT INTO t VALUES (2, 21, 'x')");
        assertEquals(List.of(row(2L, 21L, "x")), executed(all, 2L));
    }
}
