package io.strata.tests.target;

/**
 * A server running as its own OS process on a data directory that outlives it, so a test can kill
 * it (SIGKILL), stop it (SIGTERM) and start it again on the same data. The port may change across
 * restarts.
 */
public interface RestartableServer extends ServerTarget {
    /** Starts the process on the data directory; returns once clients can connect. */
    void start();

    /** SIGKILL: the process gets no chance to flush anything. */
    void kill();

    /** SIGTERM and wait for a clean exit (bounded; killed if it does not exit in time). */
    void stop();

    boolean isRunning();

    /**
     * Connections the last start() saw accepted but never answered while it waited for the server
     * to come up (each probe waits 20 s); 0 for a healthy server.
     */
    int unansweredStartProbes();
}
