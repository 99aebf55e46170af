package io.strata.common.session;

import java.util.List;
import java.util.Optional;

/**
 * One client connection's state behind the wire protocol: current database, variables, the open
 * transaction and prepared statements. Calls come from one connection's thread at a time, except
 * {@link #cancel()}. Every failure a client should see is a
 * {@link io.strata.common.error.StrataException}; anything else is a bug, answered as error 1105.
 */
public interface Session extends AutoCloseable {
    long connectionId();

    String user();

    /** The current database, empty when none is selected. */
    Optional<String> currentDatabase();

    /** COM_INIT_DB / USE: throws ER_BAD_DB_ERROR when the database does not exist. */
    void useDatabase(String database);

    /**
     * COM_QUERY. Runs the statements of {@code sql} one after the other as the returned results are
     * consumed: {@link StatementResults#next()} executes the next statement and throws its error, after
     * which no further statement runs.
     *
     * @param allowMultiple whether {@code sql} may hold several statements separated by {@code ;}
     *                      (CLIENT_MULTI_STATEMENTS); if not, more than one statement is a 1064 error
     */
    StatementResults execute(String sql, boolean allowMultiple);

    /** COM_STMT_PREPARE: parses and validates {@code sql} with {@code ?} placeholders. */
    PreparedStatementInfo prepare(String sql);

    /**
     * COM_STMT_EXECUTE with the decoded parameter values (see {@link io.strata.common.type.DataType}
     * for the Java classes; the protocol sends strings for DECIMAL).
     */
    StatementResult executePrepared(int statementId, List<Object> parameters);

    /** COM_STMT_CLOSE. Unknown ids are ignored, as MySQL does. */
    void closePrepared(int statementId);

    /** COM_FIELD_LIST: the columns of a table in the current database, with no rows. */
    List<ResultColumn> fieldList(String table, String wildcard);

    /** COM_RESET_CONNECTION: rolls back, drops prepared statements, resets variables. Keeps the user and database. */
    void reset();

    /** Whether a transaction is open (SERVER_STATUS_IN_TRANS). */
    boolean inTransaction();

    /** Whether autocommit is on (SERVER_STATUS_AUTOCOMMIT). */
    boolean autocommit();

    /** Warnings raised by the last statement. */
    int warningCount();

    /** Asks the running statement, if any, to stop with ER_QUERY_INTERRUPTED. May be called from any thread. */
    void cancel();

    /**
     * The client's files for LOAD DATA LOCAL INFILE, set by the protocol once after authentication when
     * the client announced CLIENT_LOCAL_FILES; without it such a statement fails with error 3948.
     */
    default void clientFiles(ClientFiles files) {
    }

    /** Rolls back any open transaction and frees everything the session holds. */
    @Override
    void close();

    /**
     * Whether prepared statement {@code statementId} is known to be quick (it reads a few rows by key
     * from a cached plan): the protocol may then run it on its IO thread instead of handing it to a
     * worker. Called only between statements; false when unsure.
     */
    default boolean isQuick(int statementId) {
        return false;
    }

    /**
     * Whether prepared statement {@code statementId} reads through a cached plan and takes no locks, so
     * that how long it runs depends only on the rows it reads: the protocol may run it on its IO thread
     * when its previous execution was short. Called only between statements; false when unsure.
     */
    default boolean isCachedRead(int statementId) {
        return false;
    }

    /**
     * Whether prepared statement {@code statementId} is an INSERT, UPDATE or DELETE (in an open transaction,
     * or autocommitted: its commit does not wait for the log there, see {@link #takeUndurableCommit}): like
     * a cached read, the protocol may run it on its IO thread, through {@link #withoutWaiting}, when its
     * previous execution was short. Called only between statements.
     */
    default boolean isPreparedWrite(int statementId) {
        return false;
    }

    /**
     * Whether {@code sql} is one bare transaction statement ({@code BEGIN}, {@code COMMIT},
     * {@code ROLLBACK}...) that the protocol may try on its IO thread through {@link #withoutWaiting}.
     */
    default boolean isTransactionControl(String sql) {
        return false;
    }

    /**
     * Whether prepared statement {@code statementId} is one bare transaction statement (clients such as
     * sysbench prepare BEGIN and COMMIT once and execute them around every transaction): like {@link
     * #isTransactionControl}, the protocol may try it on its IO thread through {@link #withoutWaiting}.
     */
    default boolean isPreparedTransactionControl(int statementId) {
        return false;
    }

    /**
     * Runs {@code command} (calls into this session for one client command) so that it never waits: where a
     * statement would wait (for a row another transaction holds, for a flush that fell behind) its effects
     * are undone and {@link io.strata.common.error.WouldWaitException} is thrown; the caller then runs the
     * command again, normally, where waiting is allowed. A commit does not wait for its log write: see
     * {@link #takeUndurableCommit}.
     */
    default <T> T withoutWaiting(java.util.function.Supplier<T> command) {
        return command.get();
    }

    /**
     * After a command run through {@link #withoutWaiting}: the commit it made whose log write is not yet
     * durable, or null (none, or already taken; commands run where waiting is allowed never leave one).
     * The command's answer must not reach the client before the future completes; if it fails, the client
     * gets its error instead, as the commit is not known to be durable. Taking it clears it.
     */
    default java.util.concurrent.CompletableFuture<?> takeUndurableCommit() {
        return null;
    }
}
