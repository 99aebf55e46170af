package io.strata.txn;

import io.strata.txn.catalog.CatalogSnapshot;
import io.strata.txn.catalog.TableDefinition;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A transaction under snapshot isolation. Reads see the snapshot taken at {@link #snapshotTs()} and the
 * transaction's own writes; writes stay in the transaction's workspace until {@link #commit()}.
 * Once committed or rolled back the transaction accepts no more calls. Not thread-safe.
 */
public interface Transaction extends AutoCloseable {
    long snapshotTs();

    /** The catalog as this transaction sees it. */
    CatalogSnapshot catalog();

    /** Throws ER_DB_CREATE_EXISTS unless {@code ifNotExists}. */
    void createDatabase(String database, boolean ifNotExists);

    /** Drops the database and its tables; throws ER_DB_DROP_EXISTS unless {@code ifExists}. */
    void dropDatabase(String database, boolean ifExists);

    /**
     * Creates the table (its {@code tableId} is ignored; a new one is assigned). Throws
     * ER_TABLE_EXISTS_ERROR unless {@code ifNotExists}, ER_BAD_DB_ERROR if the database is missing.
     *
     * @return the definition with its assigned id
     */
    TableDefinition createTable(TableDefinition definition, boolean ifNotExists);

    /** Throws ER_BAD_TABLE_ERROR unless {@code ifExists}. */
    void dropTable(String database, String table, boolean ifExists);

    /**
     * Adds a secondary index to the table. A UNIQUE index is checked when the transaction commits: if two
     * live committed rows share a key (all parts non-NULL) the commit fails with ER_DUP_ENTRY naming
     * the index. Throws ER_NO_SUCH_TABLE, ER_DUP_KEYNAME (the name is taken) or
     * ER_KEY_COLUMN_DOES_NOT_EXIST (a column index out of range) at once.
     */
    void createIndex(String database, String table, io.strata.txn.catalog.IndexDefinition index);

    /** Drops a secondary index; ER_CANT_DROP_FIELD_OR_KEY if the table has none of that name. */
    void dropIndex(String database, String table, String indexName);

    /** The table's snapshot view; throws ER_NO_SUCH_TABLE if it does not exist for this transaction. */
    TableSnapshot table(String database, String table);

    /**
     * Adds rows to the workspace. {@code rows} has exactly the table's columns, in order, typed as
     * {@link io.strata.common.type.ArrowTypes#field} makes them; the transaction copies what it keeps,
     * so the caller still owns and closes {@code rows}. Checks NOT NULL (ER_BAD_NULL_ERROR), primary
     * key and UNIQUE index uniqueness against the live committed rows and the workspace (ER_DUP_ENTRY;
     * a key committed after the snapshot is a conflict, ER_LOCK_DEADLOCK); on error nothing of
     * {@code rows} is kept.
     */
    void insert(long tableId, VectorSchemaRoot rows);

    /** Deletes rows by the ids a scan returned. Ids not visible to this transaction are ignored. */
    void delete(long tableId, long[] rowIds);

    /**
     * Reserves {@code count} consecutive AUTO_INCREMENT values and returns the first. Values are never
     * handed out twice, across transactions and restarts; a rolled-back transaction leaves gaps.
     */
    long allocateAutoIncrement(long tableId, int count);

    /** Makes sure later AUTO_INCREMENT values are above {@code usedValue} (an explicit value was inserted). */
    void observeAutoIncrement(long tableId, long usedValue);

    /**
     * Marks the workspace's current state; {@link #rollbackToSavepoint} later undoes the inserts and
     * deletes made after the mark (a failed statement's partial writes: MySQL rolls back the statement,
     * not the transaction). Catalog changes are not undone (in MySQL, DDL commits implicitly).
     */
    /**
     * Locks committed rows this transaction read (by row id) until it ends: {@code SELECT ... FOR UPDATE}
     * (exclusive) or {@code FOR SHARE}. Waits up to {@code timeoutMillis} for rows other transactions
     * hold (0: fail at once, NOWAIT): 1205 or 3572 then; 1213 on a deadlock. A row that another
     * transaction changed or deleted after this one's snapshot fails with 1213: the snapshot's version
     * is no longer the one to lock.
     */
    default void lockRows(long tableId, long[] rowIds, boolean exclusive, long timeoutMillis) {
        throw new io.strata.common.error.StrataException(io.strata.common.error.ErrorCode.ER_NOT_SUPPORTED_YET,
                "row locks are not supported by this transaction service");
    }

    /**
     * Ends a row lock wait this transaction is in now with 1317 (query interrupted): the statement was
     * killed or its connection closed. Safe from any thread; does nothing if it is not waiting.
     */
    default void cancelLockWait() {
    }

    /**
     * With {@code allowed} false, a call that would wait (for a row another transaction holds, for a
     * commit's log write, for an AUTO_INCREMENT reservation in the log) throws
     * {@link io.strata.common.error.WouldWaitException} instead, having changed nothing (row locks it
     * already took stay held, as they would after a wait). True again restores waiting.
     */
    default void allowWaiting(boolean allowed) {
        if (!allowed) {
            throw new UnsupportedOperationException("this transaction always waits");
        }
    }

    /**
     * Moves the snapshot to the latest commit, keeping this transaction's own writes (READ COMMITTED
     * takes a new snapshot per statement).
     */
    default void refreshSnapshot() {
        throw new io.strata.common.error.StrataException(io.strata.common.error.ErrorCode.ER_NOT_SUPPORTED_YET,
                "READ COMMITTED is not supported by this transaction service");
    }

    default long savepoint() {
        throw new io.strata.common.error.StrataException(io.strata.common.error.ErrorCode.ER_NOT_SUPPORTED_YET,
                "savepoints are not supported by this transaction");
    }

    /** Undoes the inserts and deletes made since {@code savepoint} (a value {@link #savepoint} returned). */
    default void rollbackToSavepoint(long savepoint) {
        throw new io.strata.common.error.StrataException(io.strata.common.error.ErrorCode.ER_NOT_SUPPORTED_YET,
                "savepoints are not supported by this transaction");
    }

    /**
     * Commits: checks conflicts with transactions committed since the snapshot, makes the commit
     * durable in the log, then publishes it. Returns the commit timestamp. On a conflict throws
     * ER_DUP_ENTRY or ER_LOCK_DEADLOCK and the transaction is rolled back.
     */
    long commit();

    /**
     * Commits as {@link #commit} does but without waiting for the log: the commit is checked, ordered and
     * applied, and its log write queued; the future completes with the commit timestamp once the commit
     * is durable and new snapshots see it (exceptionally, with ER_STORAGE_FAILURE, if the log failed: the
     * commit must then not be reported). The transaction ends at once and its row locks are released when
     * the future completes. On a conflict throws as {@link #commit} does. Throws
     * {@link io.strata.common.error.WouldWaitException}, having changed nothing, where the commit would wait
     * for something besides the log (a DDL commit, a flush that has fallen far behind).
     */
    default java.util.concurrent.CompletableFuture<Long> commitWithoutWaiting() {
        throw new io.strata.common.error.WouldWaitException("a commit's log write");
    }

    /** Discards the workspace. Safe to call more than once. */
    void rollback();

    boolean isActive();

    /** Rolls back if still active. */
    @Override
    void close();
}
