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
 * again normally, it waits and ends as it always would.
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
    void onlyWritesInsideAnOpenTransactionAreOffered() {
        int update = session.prepare("UPDATE accounts SET balance = balance + ? WHERE id >= ?").statementId();
        int select = session.prepare("SELECT balance FROM accounts WHERE id = ?").statementId();
        assertFalse(session.isWriteInOpenTransaction(update), "autocommit: the statement's commit waits for the log");
        ok("BEGIN");
        assertTrue(session.isWriteInOpenTransaction(update));
        assertFalse(session.isWriteInOpenTransaction(select), "a query is a read");
        ok("ROLLBACK");
        ok("SET autocommit = 0");
        assertTrue(session.isWriteInOpenTransaction(update), "the statement opens a transaction that stays open");
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
    void aCommitWithWritesIsRefusedAndTheTransactionStaysOpen() {
        int update = session.prepare("UPDATE accounts SET balance = balance + ? WHERE id >= ?").statementId();
        session.withoutWaiting(() -> one(session, "BEGIN"));
        session.withoutWaiting(() -> one(session, "BEGIN")); // commits the open one first: nothing written, no wait
        executeWithoutWaiting(update, 5, 3);
        assertThrows(WouldWaitException.class, () -> session.withoutWaiting(() -> one(session, "COMMIT")));
        assertThrows(WouldWaitException.class, () -> session.withoutWaiting(() -> one(session, "BEGIN")),
                "BEGIN would commit the writes first");
        assertTrue(session.inTransaction(), "still open, still holding its write");
        assertEquals(List.of(row(305L)), rows("SELECT balance FROM accounts WHERE id = 3"));
        assertEquals(List.of(row(300L)), rows(other, "SELECT balance FROM accounts WHERE id = 3"));
        ok("COMMIT"); // where it may wait
        assertFalse(session.inTransaction());
        assertEquals(List.of(row(305L)), rows(other, "SELECT balance FROM accounts WHERE id = 3"));
        session.withoutWaiting(() -> one(session, "BEGIN"));
        assertEquals(List.of(row(305L)), rows("SELECT balance FROM accounts WHERE id = 3"));
        session.withoutWaiting(() -> one(session, "COMMIT")); // read-only: nothing to wait for
        assertFalse(session.inTransaction());
        assertEquals(List.of(List.of("Strata_no_wait_commands", "7"), List.of("Strata_no_wait_commands_deferred", "2")),
                rows("SHOW STATUS LIKE 'Strata_no_wait%'"));
    }
}
