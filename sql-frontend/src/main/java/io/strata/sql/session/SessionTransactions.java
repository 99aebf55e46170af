package io.strata.sql.session;

import io.strata.common.error.ErrorCategory;
import io.strata.common.error.StrataException;
import io.strata.txn.Transaction;
import io.strata.txn.TxnService;

import java.util.Objects;
import java.util.function.Function;

/**
 * A session's transaction: the one opened by BEGIN (or implicitly with autocommit off), else one
 * transaction per statement, committed when the statement succeeds and rolled back when it fails.
 * A conflict (ER_LOCK_DEADLOCK...) rolls the open transaction back, as MySQL does.
 */
final class SessionTransactions {
    private final TxnService service;
    private final java.util.function.BooleanSupplier readCommitted;
    private Transaction open;
    /** The open transaction's savepoints, oldest first, by lower-case name. */
    private final java.util.LinkedHashMap<String, Long> savepoints = new java.util.LinkedHashMap<>();
    /** The transaction the running (or last) statement works in, for {@link #cancelLockWait} from other threads. */
    private volatile Transaction working;
    /** False while a command runs where it must not wait (see {@link Transaction#allowWaiting}). */
    private boolean waitingAllowed = true;
    /** Commits made where waiting was not allowed whose log write is pending (see {@link #takeUndurable}). */
    private java.util.concurrent.CompletableFuture<Long> undurable;

    /** @param readCommitted whether the session's isolation is READ COMMITTED (a new snapshot per statement) */
    SessionTransactions(TxnService service, java.util.function.BooleanSupplier readCommitted) {
        this.service = Objects.requireNonNull(service, "service");
        this.readCommitted = Objects.requireNonNull(readCommitted, "readCommitted");
    }

    /** The open transaction for the next statement: under READ COMMITTED it reads the latest commits. */
    private Transaction forStatement() {
        if (readCommitted.getAsBoolean()) {
            open.refreshSnapshot();
        }
        working = open;
        return open;
    }

    /** Ends the row lock wait of the running statement, if it is in one (KILL, or the connection closed). Any thread. */
    void cancelLockWait() {
        Transaction transaction = working;
        if (transaction != null) {
            transaction.cancelLockWait();
        }
    }

    boolean inTransaction() {
        return open != null;
    }

    /**
     * Whether the statements that follow may wait (for row locks, for commits to be durable); when not,
     * such a wait throws {@link io.strata.common.error.WouldWaitException} having changed nothing.
     */
    void allowWaiting(boolean allowed) {
        waitingAllowed = allowed;
        if (open != null) {
            open.allowWaiting(allowed);
        }
    }

    private Transaction begun() {
        Transaction transaction = service.begin();
        if (!waitingAllowed) {
            transaction.allowWaiting(false);
        }
        return transaction;
    }

    /** BEGIN: commits the open transaction (MySQL's implicit commit) and opens a new one. */
    void begin() {
        commit();
        open = begun();
    }

    void commit() {
        Transaction transaction = open;
        if (transaction != null) {
            try {
                end(transaction);
            } catch (io.strata.common.error.WouldWaitException e) {
                throw e; // nothing happened: the transaction stays open for the command's second run
            } catch (RuntimeException e) {
                forget();
                throw e;
            }
        }
        forget();
    }

    /**
     * Commits {@code transaction}; where waiting is not allowed, without waiting for its log write, which
     * {@link #takeUndurable} then hands to the caller. A commit is the last thing a statement does, so no
     * WouldWaitException (which makes the caller run the command again) can follow one.
     */
    private void end(Transaction transaction) {
        if (waitingAllowed) {
            transaction.commit();
            return;
        }
        java.util.concurrent.CompletableFuture<Long> durable = transaction.commitWithoutWaiting();
        if (durable.isDone() && !durable.isCompletedExceptionally()) {
            return; // already durable, or nothing to log (a read-only transaction)
        }
        undurable = undurable == null ? durable : undurable.thenCombine(durable, Math::max);
    }

    /**
     * The commits made since the last call where waiting was not allowed whose log writes were pending:
     * completes when all are durable and visible, fails if one is not; null if there are none.
     */
    java.util.concurrent.CompletableFuture<Long> takeUndurable() {
        java.util.concurrent.CompletableFuture<Long> taken = undurable;
        undurable = null;
        return taken;
    }

    private void forget() {
        open = null;
        savepoints.clear();
    }

    void rollback() {
        Transaction transaction = open;
        forget();
        if (transaction != null) {
            transaction.rollback();
        }
    }

    /**
     * SAVEPOINT: marks the open transaction (with autocommit off, opening one); a savepoint of the same
     * name is replaced. Under autocommit with no transaction open it is accepted and gone at once, as in MySQL.
     */
    void savepoint(boolean autocommit, String name) {
        if (open == null && !autocommit) {
            open = begun();
        }
        if (open != null) {
            String key = name.toLowerCase(java.util.Locale.ROOT);
            savepoints.remove(key);
            savepoints.put(key, open.savepoint());
        }
    }

    /** ROLLBACK TO SAVEPOINT: undoes the writes made since; later savepoints are gone, this one stays. */
    void rollbackToSavepoint(String name) {
        String key = existingSavepoint(name);
        open.rollbackToSavepoint(savepoints.get(key));
        dropSavepointsAfter(key, false);
    }

    /** RELEASE SAVEPOINT: forgets the savepoint and the later ones; the writes stay. */
    void releaseSavepoint(String name) {
        dropSavepointsAfter(existingSavepoint(name), true);
    }

    private String existingSavepoint(String name) {
        String key = name.toLowerCase(java.util.Locale.ROOT);
        if (open == null || !savepoints.containsKey(key)) {
            throw StrataException.of(io.strata.common.error.ErrorCode.ER_SP_DOES_NOT_EXIST, "SAVEPOINT %s does not exist", name);
        }
        return key;
    }

    private void dropSavepointsAfter(String key, boolean inclusive) {
        boolean after = false;
        for (var names = savepoints.keySet().iterator(); names.hasNext(); ) {
            String name = names.next();
            if (name.equals(key)) {
                after = true;
                if (inclusive) {
                    names.remove();
                }
            } else if (after) {
                names.remove();
            }
        }
    }

    /**
     * Runs one statement's {@code work}: in the open transaction, where a failure undoes the statement's
     * writes (a conflict, the whole transaction); or, with autocommit off, in a newly opened one that
     * stays open; or in a transaction of its own committed at the end.
     */
    <T> T run(boolean autocommit, Function<Transaction, T> work) {
        if (open == null && !autocommit) {
            open = begun();
        }
        if (open != null) {
            Transaction transaction = forStatement();
            long statementStart = transaction.savepoint();
            try {
                return work.apply(transaction);
            } catch (RuntimeException e) {
                if (e instanceof StrataException error && error.code().category() == ErrorCategory.CONFLICT) {
                    rollback();
                } else if (transaction.isActive()) {
                    transaction.rollbackToSavepoint(statementStart); // MySQL undoes the failed statement only
                }
                throw e;
            }
        }
        Transaction transaction = begun();
        working = transaction;
        try {
            T result = work.apply(transaction);
            end(transaction);
            return result;
        } catch (RuntimeException e) {
            transaction.rollback();
            throw e;
        }
    }

    /**
     * The transaction a query reads in. With {@code owned} true the caller must close it when the
     * rows are read (the statement's own autocommitted transaction).
     */
    Lease lease(boolean autocommit) {
        if (open == null && !autocommit) {
            open = begun();
        }
        if (open != null) {
            return new Lease(forStatement(), false);
        }
        Transaction own = begun();
        working = own;
        return new Lease(own, true);
    }

    record Lease(Transaction transaction, boolean owned) {
        /** Ends an owned (read-only, autocommitted) transaction; its rollback discards nothing. */
        void release() {
            if (owned) {
                transaction.close();
            }
        }
    }
}
