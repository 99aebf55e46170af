package io.strata.protocol.command;

/**
 * What commands may ask of the server as a whole: COM_STATISTICS' figures and COM_PROCESS_KILL.
 * Implemented by the server's connection registry; safe to call from any thread.
 */
public interface ServerInfo {
    /** Seconds since the server started. */
    long uptimeSeconds();

    /** Open client connections. */
    int connectionCount();

    /** Commands received since the server started. */
    long questionCount();

    /**
     * Cancels the running statement of connection {@code connectionId} and, unless
     * {@code queryOnly}, closes the connection. Returns false when no such connection exists.
     */
    boolean kill(long connectionId, boolean queryOnly);
}
