package io.strata.bench.sysbench;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * Closes what the benchmark started (servers, a running sysbench), newest first, exactly once:
 * either on the normal path through {@link #close()} or from the JVM shutdown hook on Ctrl-C,
 * SIGTERM or an uncaught exception, so that no server outlives the harness. Closing holds the lock
 * throughout: the JVM halts when its hooks return, so the hook must not return while the main thread
 * is still stopping a server or deleting its data. Once closing has begun nothing new is accepted,
 * and child processes not yet registered (a server still starting) are killed at the end.
 */
final class ShutdownCloser implements AutoCloseable {
    private final Deque<AutoCloseable> open = new ArrayDeque<>();
    private final Thread hook = new Thread(this::closeAll, "sysbench-bench-cleanup");
    private boolean closing;

    ShutdownCloser() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Takes {@code resource} in charge; when closing has begun, closes it at once and throws. */
    synchronized void register(AutoCloseable resource) {
        Objects.requireNonNull(resource, "resource");
        if (closing) {
            closeQuietly(resource);
            throw new IllegalStateException("the benchmark is shutting down");
        }
        open.push(resource);
    }

    synchronized void unregister(AutoCloseable resource) {
        open.remove(resource);
    }

    /** True once the harness is stopping (Ctrl-C, SIGTERM, the end): start nothing new. */
    synchronized boolean closing() {
        return closing;
    }

    /** Closes one resource now (and forgets it). */
    synchronized void closeNow(AutoCloseable resource) {
        open.remove(resource);
        closeQuietly(resource);
    }

    private synchronized void closeAll() {
        closing = true;
        while (!open.isEmpty()) {
            closeQuietly(open.pop());
        }
        ProcessHandle.current().children().forEach(ProcessHandle::destroyForcibly);
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            // Cleanup goes on with the next resource; the failure is still shown.
            System.err.println("bench: cleanup failed: " + e);
        }
    }

    @Override
    public void close() {
        closeAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or has run: it closed whatever was left.
        }
    }
}
