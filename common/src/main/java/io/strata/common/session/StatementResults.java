package io.strata.common.session;

/**
 * The results of a COM_QUERY, one per statement, produced lazily: {@link #next()} executes the next
 * statement. The caller closes each result it receives, then closes this.
 */
public interface StatementResults extends AutoCloseable {
    /** Whether another statement follows. */
    boolean hasNext();

    /** Executes the next statement; throws its error (a StrataException) if it fails. */
    StatementResult next();

    @Override
    void close();
}
