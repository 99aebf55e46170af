package io.strata.sql;

import io.strata.common.session.Session;
import io.strata.common.session.StatementResult;
import io.strata.sql.plan.PlannedQuery;
import io.strata.sql.plan.SharedPlans;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Sessions share the plans of the statements they prepare: a statement is planned once for all the
 * connections that prepare it, while each still reads its own snapshot with its own parameters, and a
 * plan is never handed to a session whose database or tables differ from those it was planned against.
 */
class SharedPlansTest extends SessionFixture {
    private long[] planCounters() {
        long hits = 0;
        long misses = 0;
        for (List<Object> row : rows("SHOW STATUS LIKE 'Strata_shared_plan%'")) {
            long value = Long.parseLong((String) row.get(1));
            if (row.get(0).equals("Strata_shared_plan_hits")) {
                hits = value;
            } else {
                misses = value;
            }
        }
        return new long[] {hits, misses};
    }

    /** Shared-plan hits and misses since {@code before}. */
    private long[] since(long[] before) {
        long[] now = planCounters();
        return new long[] {now[0] - before[0], now[1] - before[1]};
    }

    private static List<List<Object>> executed(Session session, int statementId, Object... parameters) {
        try (StatementResult result = session.executePrepared(statementId, Arrays.asList(parameters))) {
            if (result instanceof StatementResult.Ok ok) {
                return List.of(List.of(ok.affectedRows()));
            }
            StatementResult.Rows rows = (StatementResult.Rows) result;
            List<List<Object>> out = new ArrayList<>();
            while (rows.rows().hasNext()) {
                out.add(new ArrayList<>(Arrays.asList(rows.rows().next())));
            }
            return out;
        }
    }

    private void createTable() {
        ok("CREATE DATABASE d");
        ok("USE d");
        ok("CREATE TABLE t (id INT PRIMARY KEY, v INT)");
        ok("INSERT INTO t VALUES (1, 10), (2, 20)");
    }

    @Test
    void aQueryPreparedByTwoSessionsIsPlannedOnceAndEachReadsItsOwnValues() {
        createTable();
        long[] before = planCounters();
        int mine = session.prepare("SELECT v FROM t WHERE id = ?").statementId();
        long[] first = since(before);
        assertEquals(List.of(0L, 1L), List.of(first[0], first[1]), "the first preparation plans");
        try (Session other = factory.open("root", "d", 2)) {
            long[] beforeOther = planCounters();
            int theirs = other.prepare("SELECT v FROM t WHERE id = ?").statementId();
            assertEquals(1, since(beforeOther)[0], "the second session takes the first one's plan");
            assertEquals(0, since(beforeOther)[1]);
            one(other, "UPDATE t SET v = 21 WHERE id = 2").close();
            assertEquals(List.of(row(21L)), executed(other, theirs, 2L));
            assertEquals(List.of(row(10L)), executed(session, mine, 1L));
            ok("BEGIN");
            assertEquals(List.of(row(21L)), executed(session, mine, 2L));
            one(other, "UPDATE t SET v = 22 WHERE id = 2").close();
            assertEquals(List.of(row(21L)), executed(session, mine, 2L), "each execution reads its own snapshot");
            assertEquals(List.of(row(22L)), executed(other, theirs, 2L));
            ok("COMMIT");
        }
    }

    @Test
    void anotherDatabaseOrAChangedTableIsPlannedAfresh() {
        createTable();
        ok("CREATE DATABASE e");
        ok("CREATE TABLE e.t (id INT PRIMARY KEY, v VARCHAR(10))");
        ok("INSERT INTO e.t VALUES (1, 'one')");
        int inD = session.prepare("SELECT v FROM t WHERE id = ?").statementId();
        try (Session other = factory.open("root", "e", 2)) {
            long[] before = planCounters();
            int inE = other.prepare("SELECT v FROM t WHERE id = ?").statementId();
            assertEquals(0, since(before)[0], "the same text in another database names another table");
            assertEquals(List.of(row("one")), executed(other, inE, 1L));
            assertEquals(List.of(row(10L)), executed(session, inD, 1L));
        }

        ok("DROP TABLE t");
        ok("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(10))");
        ok("INSERT INTO t VALUES (1, 'ten')");
        try (Session other = factory.open("root", "d", 3)) {
            long[] before = planCounters();
            int again = other.prepare("SELECT v FROM t WHERE id = ?").statementId();
            assertEquals(List.of(0L, 1L), List.of(since(before)[0], since(before)[1]),
                    "a table made again is planned again, not read through the old definition");
            assertEquals(List.of(row("ten")), executed(other, again, 1L));
        }
        ok("CREATE UNIQUE INDEX v_u ON t (v)");
        try (Session other = factory.open("root", "d", 4)) {
            long[] before = planCounters();
            other.prepare("SELECT v FROM t WHERE id = ?").statementId();
            assertEquals(0, since(before)[0], "a new index changes the definition: planned again");
        }
    }

    @Test
    void sessionValuesAndInformationSchemaAreNeverShared() {
        createTable();
        ok("SET @x = 1");
        session.prepare("SELECT v FROM t WHERE id = @x").statementId();
        session.prepare("SELECT table_name FROM information_schema.tables WHERE table_schema = ?").statementId();
        try (Session other = factory.open("root", "d", 2)) {
            one(other, "SET @x = 2").close();
            long[] before = planCounters();
            int variable = other.prepare("SELECT v FROM t WHERE id = @x").statementId();
            int tables = other.prepare("SELECT table_name FROM information_schema.tables WHERE table_schema = ?").statementId();
            assertEquals(List.of(0L, 2L), List.of(since(before)[0], since(before)[1]));
            assertEquals(List.of(row(20L)), executed(other, variable), "its own @x");
            assertEquals(List.of(row("t")), executed(other, tables, "d"));
        }
    }

    @Test
    void aPreparedUpdateTakesTheRowSelectionAnotherSessionPlanned() {
        createTable();
        int mine = session.prepare("UPDATE t SET v = v + ? WHERE id = ?").statementId();
        assertEquals(List.of(List.of(1L)), executed(session, mine, 1L, 1L));
        try (Session other = factory.open("root", "d", 2)) {
            long[] before = planCounters();
            int theirs = other.prepare("UPDATE t SET v = v + ? WHERE id = ?").statementId();
            assertEquals(List.of(List.of(1L)), executed(other, theirs, 5L, 2L));
            assertEquals(List.of(1L, 0L), List.of(since(before)[0], since(before)[1]));
            assertEquals(List.of(List.of(1L)), executed(other, theirs, 100L, 1L));
        }
        assertEquals(List.of(row(1L, 111L), row(2L, 25L)), rows("SELECT id, v FROM t ORDER BY id"));
    }

    @Test
    void sessionsPreparingAtOnceWaitForOnePlanning() throws Exception {
        createTable();
        int sessions = 4;
        long[] before = planCounters();
        ExecutorService threads = Executors.newFixedThreadPool(sessions);
        List<Session> opened = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<List<Object>>>> answers = new ArrayList<>();
            for (int s = 0; s < sessions; s++) {
                Session other = factory.open("root", "d", 10 + s);
                opened.add(other);
                long id = 1 + s % 2;
                answers.add(threads.submit(() -> {
                    start.await();
                    int statement = other.prepare("SELECT id, v * 2 FROM t WHERE id = ? AND v > 0").statementId();
                    return executed(other, statement, id);
                }));
            }
            start.countDown();
            for (int s = 0; s < sessions; s++) {
                long id = 1 + s % 2;
                assertEquals(List.of(row(id, id * 20)), answers.get(s).get(30, TimeUnit.SECONDS));
            }
        } finally {
            threads.shutdownNow();
            opened.forEach(Session::close);
        }
        assertEquals(List.of((long) sessions - 1, 1L), List.of(since(before)[0], since(before)[1]));
    }

    @Test
    void aFailedPlanningLeavesTheWaitersToPlanForThemselves() throws Exception {
        SharedPlans plans = new SharedPlans();
        CountDownLatch planning = new CountDownLatch(1);
        CountDownLatch fail = new CountDownLatch(1);
        PlannedQuery own = new PlannedQuery(null, null, List.of(), null, true);
        AtomicInteger waiterPlanned = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = threads.submit(() -> plans.plan(SharedPlans.Kind.QUERY, "d", "SELECT 1", null, () -> {
                planning.countDown();
                await(fail);
                throw new IllegalStateException("planning failed");
            }));
            planning.await();
            Future<PlannedQuery> second = threads.submit(() -> plans.plan(SharedPlans.Kind.QUERY, "d", "SELECT 1", null, () -> {
                waiterPlanned.incrementAndGet();
                return own;
            }));
            Thread.sleep(100); // the second asks while the first plans (if it asks later, it plans alone: same outcome)
            fail.countDown();
            Exception failure = assertThrows(Exception.class, () -> first.get(30, TimeUnit.SECONDS));
            assertEquals("planning failed", failure.getCause().getMessage(), "the error reaches its own caller");
            assertSame(own, second.get(30, TimeUnit.SECONDS));
            assertEquals(1, waiterPlanned.get());
        } finally {
            threads.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
