package io.strata.sql;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.session.Session;
import io.strata.common.session.StatementResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SELECT ... FOR UPDATE / FOR SHARE between two sessions, and READ COMMITTED's per-statement snapshot. */
class LockingReadsAndIsolationTest extends TwoBankSessions {
    private void run(Session s, String sql) {
        try (StatementResult result = one(s, sql)) {
            if (result instanceof StatementResult.Rows rows) {
                while (rows.rows().hasNext()) {
                    rows.rows().next();
                }
            }
        }
    }

    private ErrorCode errorOf(Session s, String sql) {
        return assertThrows(StrataException.class, () -> run(s, sql)).code();
    }

    private CompletableFuture<Void> inBackground(Session s, String sql) {
        return CompletableFuture.runAsync(() -> run(s, sql));
    }

    @Test
    void readCommittedSeesCommitsBetweenStatementsRepeatableReadDoesNot() {
        ok("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED");
        ok("BEGIN");
        assertEquals(List.of(row(100L)), rows("SELECT balance FROM accounts WHERE id = 1"));
        run(other, "UPDATE accounts SET balance = 150 WHERE id = 1");
        assertEquals(List.of(row(150L)), rows("SELECT balance FROM accounts WHERE id = 1"));
        ok("UPDATE accounts SET balance = balance + 1 WHERE id = 2");
        assertEquals(List.of(row(201L)), rows("SELECT balance FROM accounts WHERE id = 2"), "its own write stays visible");
        ok("COMMIT");

        ok("SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ");
        ok("BEGIN");
        assertEquals(List.of(row(150L)), rows("SELECT balance FROM accounts WHERE id = 1"));
        run(other, "UPDATE accounts SET balance = 175 WHERE id = 1");
        assertEquals(List.of(row(150L)), rows("SELECT balance FROM accounts WHERE id = 1"));
        ok("COMMIT");
    }

    @Test
    void forUpdateMakesAWriterWaitUntilTheHolderCommits() throws Exception {
        ok("BEGIN");
        assertEquals(List.of(row(100L)), rows("SELECT balance FROM accounts WHERE id = 1 FOR UPDATE"));
        run(other, "BEGIN");
        CompletableFuture<Void> update = inBackground(other, "UPDATE accounts SET balance = 0 WHERE id = 1");
        assertThrows(TimeoutException.class, () -> update.get(300, TimeUnit.MILLISECONDS), "the writer waits for the lock");
        ok("UPDATE accounts SET balance = balance - 30 WHERE id = 1");
        ok("COMMIT");
        // The row the waiting writer's snapshot saw was replaced meanwhile: it must not overwrite it.
        ExecutionException failed = assertThrows(ExecutionException.class, () -> update.get(10, TimeUnit.SECONDS));
        assertEquals(ErrorCode.ER_LOCK_DEADLOCK, assertInstanceOf(StrataException.class, failed.getCause()).code());
        assertEquals(List.of(row(70L)), rows("SELECT balance FROM accounts WHERE id = 1"));
    }

    @Test
    void nowaitTimeoutAndSharedLocks() {
        ok("BEGIN");
        run(session, "SELECT * FROM accounts WHERE id = 2 FOR SHARE");
        run(other, "BEGIN");
        run(other, "SELECT * FROM accounts WHERE id = 2 LOCK IN SHARE MODE"); // shared with shared
        assertEquals(ErrorCode.ER_LOCK_NOWAIT, errorOf(other, "SELECT * FROM accounts WHERE id = 2 FOR UPDATE NOWAIT"));
        run(other, "SET innodb_lock_wait_timeout = 1");
        long start = System.nanoTime();
        assertEquals(ErrorCode.ER_LOCK_WAIT_TIMEOUT, errorOf(other, "SELECT * FROM accounts WHERE id > 1 FOR UPDATE"));
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(900), "waited for the timeout");
        run(other, "SELECT * FROM accounts WHERE id = 3 FOR UPDATE"); // the transaction goes on after 1205
        run(other, "COMMIT");
        ok("COMMIT");
        run(other, "BEGIN");
        run(other, "SELECT * FROM accounts WHERE id = 2 FOR UPDATE NOWAIT"); // released at commit
        run(other, "ROLLBACK");
    }

    @Test
    void aCycleOfWaitsIsADeadlockForTheLastWaiter() throws Exception {
        ok("BEGIN");
        run(session, "SELECT * FROM accounts WHERE id = 1 FOR UPDATE");
        run(other, "BEGIN");
        run(other, "SELECT * FROM accounts WHERE id = 2 FOR UPDATE");
        CompletableFuture<Void> first = inBackground(session, "SELECT * FROM accounts WHERE id = 2 FOR UPDATE");
        assertThrows(TimeoutException.class, () -> first.get(300, TimeUnit.MILLISECONDS));
        assertEquals(ErrorCode.ER_LOCK_DEADLOCK, errorOf(other, "SELECT * FROM accounts WHERE id = 1 FOR UPDATE"));
        assertFalse(first.isCompletedExceptionally());
        first.get(10, TimeUnit.SECONDS); // the victim rolled back and released its lock
        ok("COMMIT");
    }

    @Test
    void lockingClausesOnlyFollowQueries() {
        assertEquals(ErrorCode.ER_PARSE_ERROR, error("UPDATE accounts SET balance = 1 FOR UPDATE"));
        assertEquals(ErrorCode.ER_NOT_SUPPORTED_YET, errorOfSession(
                "SELECT * FROM accounts a JOIN accounts b ON a.id = b.id FOR UPDATE"));
        assertEquals(List.of(row(1L, 100L)), rows("SELECT * FROM accounts WHERE id = 1 FOR UPDATE"),
                "autocommit: reads, the lock would end with the statement");
        assertEquals(List.of(row("for update")), rows("SELECT 'for update'"));
    }

    @Test
    void aPreparedLockingReadDescribesItsColumnsAndLocks() {
        var info = session.prepare("SELECT balance FROM accounts WHERE id = ? FOR UPDATE");
        assertEquals(1, info.parameters().size());
        assertEquals(1, info.columns().size());
        ok("BEGIN");
        try (StatementResult.Rows rows = (StatementResult.Rows) session.executePrepared(info.statementId(), List.of(3L))) {
            assertEquals(300L, ((Number) rows.rows().next()[0]).longValue());
        }
        run(other, "BEGIN");
        assertEquals(ErrorCode.ER_LOCK_NOWAIT, errorOf(other, "SELECT * FROM accounts WHERE id = 3 FOR UPDATE NOWAIT"));
        run(other, "ROLLBACK");
        ok("COMMIT");
    }

    private ErrorCode errorOfSession(String sql) {
        ok("BEGIN");
        try {
            return errorOf(session, sql);
        } finally {
            ok("ROLLBACK");
        }
    }
}
