package io.strata.sql;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.error.WouldWaitException;
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

/**
 * {@link Session#withoutWaiting}: what the protocol uses to run writes and transaction statements on its
 * IO thread. A statement that would wait is undone and refused with {@link WouldWaitException}; run
 * again normally, it waits and ends as it always would. A commit does not wait for the log: the session
 * hands its durability over ({@link Session#takeUndurableCommit}) for the answer to wait on.
 */
class WithoutWaitingTest extends TwoBankSessions {
    private long execute(int statementId, Object... parameters) {
        try (StatementResult result = session.executePrepared(statementId, List.of(parameters))) {
            return ((StatementResult.Ok) result).affectedRows();
        }
    }

    private long executeWithoutWaiting(int statementId, Object... parameters) {
        return session.withoutWaiting(() -> execute(statementId, parameters));
    }

    @Test
    void preparedWritesAndBareTransactionStatementsAreOffered() {
        int update = session.prepare("UPDATE accounts SET balance = balance + ? WHERE id >= ?").statementId();
        int insert = session.prepare("INSERT INTO accounts VALUES (?, ?)").statementId();
        int select = session.prepare("SELECT balance FROM accounts WHERE id = ?").statementId();
        int begin = session.prepare("BEGIN").statementId();
        int setting = session.prepare("SET autocommit = 0").statementId();
        assertTrue(session.isPreparedWrite(update), "autocommitted: its commit does not wait for the log either");
        assertTrue(session.isPreparedWrite(insert));
        assertFalse(session.isPreparedWrite(select), "a query is a read");
        assertFalse(session.isPreparedWrite(setting));
        assertTrue(session.isPreparedTransactionControl(begin));
        assertFalse(session.isPreparedTransactionControl(setting));
        assertFalse(session.isPreparedTransactionControl(update));
        assertTrue(session.isTransactionControl(" commit work ; "));
        assertTrue(session.isTransactionControl("START TRANSACTION"));
        assertFalse(session.isTransactionControl("COMMIT; SELECT 1"));
        assertFalse(session.isTransactionControl("SELECT 1"));
    }

    @Test
    void aLockedRowRefusesTheStatementUndoneAndANormalRunWaitsForIt() throws Exception {
        int update = session.prepare("UPDATE accounts SET balance = balance + ? WHERE id >= ?").statementId();
        int updateOne = session.prepare("UPDATE accounts SET balance = balance + ? WHERE id = ?").statementId();
        session.withoutWaiting(() -> one(session, "BEGIN"));
        assertEquals(1, executeWithoutWaiting(updateOne, 1, 1), "a free row: no wait");
        one(other, "BEGIN");
        one(other, "UPDATE accounts SET balance = 0 WHERE id = 3");
        // Rows 2 and 3 match; 3 is the other transaction's now.
        assertThrows(WouldWaitException.class, () -> executeWithoutWaiting(update, 10, 2));
        assertEquals(List.of(row(101L), row(200L), row(300L)), rows("SELECT balance FROM accounts ORDER BY id"),
                "the refused statement left nothing; the earlier one stays");
        CompletableFuture<Long> waiting = CompletableFuture.supplyAsync(() -> execute(update, 10, 2));
        assertThrows(TimeoutException.class, () -> waiting.get(300, TimeUnit.MILLISECONDS), "it waits for the lock");
        one(other, "COMMIT");
        ExecutionException failed = assertThrows(ExecutionException.class, () -> waiting.get(10, TimeUnit.SECONDS));
        assertEquals(ErrorCode.ER_LOCK_DEADLOCK, assertInstanceOf(StrataException.class, failed.getCause()).code(),
                "row 3 changed after this snapshot: first committer wins");
        assertFalse(session.inTransaction(), "a conflict ends the transaction");
    }

    @Test
    void aCommitWithWritesDoesNotWaitForTheLogButHandsOverItsDurability() throws Exception {
        int update = session.prepare("UPDATE accounts SET balance = balance + ? WHERE id >= ?").statementId();
        session.withoutWaiting(() -> one(session, "BEGIN"));
        session.withoutWaiting(() -> one(session, "BEGIN")); // commits the open one first: nothing written
        assertEquals(null, session.takeUndurableCommit(), "nothing was written: nothing to wait for");
        executeWithoutWaiting(update, 5, 3);
        session.withoutWaiting(() -> one(session, "COMMIT"));
        assertFalse(session.inTransaction(), "committed: the transaction is over for the session");
        awaitHandedOver();
        assertEquals(null, session.takeUndurableCommit(), "taken once");
        assertEquals(List.of(row(305L)), rows(other, "SELECT balance FROM accounts WHERE id = 3"));
        // Autocommitted: the statement's own transaction commits the same way.
        assertEquals(1, executeWithoutWaiting(update, 1, 3));
        awaitHandedOver();
        assertEquals(List.of(row(306L)), rows(other, "SELECT balance FROM accounts WHERE id = 3"));
        session.withoutWaiting(() -> one(session, "BEGIN"));
        assertEquals(List.of(row(306L)), rows("SELECT balance FROM accounts WHERE id = 3"));
        session.withoutWaiting(() -> one(session, "COMMIT")); // read-only: nothing to wait for
        assertEquals(null, session.takeUndurableCommit());
        assertEquals(List.of(List.of("Strata_no_wait_commands", "7"), List.of("Strata_no_wait_commands_deferred", "0")),
                rows("SHOW STATUS LIKE 'Strata_no_wait%'"));
    }

    /** Waits for the commit's log write the session handed over (none if the log was done before the commit returned). */
    private void awaitHandedOver() throws Exception {
        CompletableFuture<?> durable = session.takeUndurableCommit();
        if (durable != null) {
            durable.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aCommitWhereWaitingIsAllowedWaitsAndHandsNothingOver() {
        ok("BEGIN");
        ok("UPDATE accounts SET balance = 0 WHERE id = 1");
        ok("COMMIT");
        assertEquals(null, session.takeUndurableCommit());
        assertEquals(List.of(row(0L)), rows(other, "SELECT balance FROM accounts WHERE id = 1"));
    }
}
