package io.strata.protocol.connection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs one connection's tasks in submission order, one at a time, on a shared pool: the commands
 * of a connection stay ordered while different connections run in parallel.
 */
final class SerialExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);

    private final Executor pool;
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private boolean running;

    SerialExecutor(Executor pool) {
        this.pool = pool;
    }

    void execute(Runnable task) {
        synchronized (queue) {
            queue.add(task);
            if (running) {
                return;
            }
            running = true;
        }
        try {
            pool.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // Only after MysqlServer.close() has stopped the pool: the connection is going away anyway.
            synchronized (queue) {
                LOG.debug("server closed; dropping {} connection tasks", queue.size());
                queue.clear();
                running = false;
            }
        }
    }

    /**
     * Runs {@code task} on the calling thread instead of the pool when nothing of this connection runs or
     * waits and {@code eligible} says so (asked under the same lock, so no task starts meanwhile); tasks
     * submitted while it runs wait for it, and for the future it returns (if not null) to complete: a task
     * may finish later on another thread. Returns false, having run nothing, otherwise.
     */
    boolean runInlineIf(java.util.function.BooleanSupplier eligible,
                        java.util.function.Supplier<? extends java.util.concurrent.CompletionStage<?>> task) {
        synchronized (queue) {
            if (running || !queue.isEmpty() || !eligible.getAsBoolean()) {
                return false;
            }
            running = true;
        }
        java.util.concurrent.CompletionStage<?> finished = null;
        try {
            finished = task.get();
        } catch (RuntimeException | Error e) {
            LOG.error("connection task failed", e);
        } finally {
            if (finished == null) {
                release();
            } else {
                finished.whenComplete((result, error) -> release());
            }
        }
        return true;
    }

    /** The inline task is over: the tasks submitted meanwhile go to the pool. */
    private void release() {
        boolean more;
        synchronized (queue) {
            more = !queue.isEmpty();
            running = more;
        }
        if (more) {
            try {
                pool.execute(this::drain);
            } catch (RejectedExecutionException e) {
                synchronized (queue) { // the server is closing: the connection goes away anyway
                    queue.clear();
                    running = false;
                }
            }
        }
    }

    /** Tasks waiting, not counting the one running. */
    int pending() {
        synchronized (queue) {
            return queue.size();
        }
    }

    private void drain() {
        while (true) {
            Runnable task;
            synchronized (queue) {
                task = queue.poll();
                if (task == null) {
                    running = false;
                    return;
                }
            }
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                // Tasks handle their own errors; reaching here is a bug, but later tasks must still run.
                LOG.error("connection task failed", e);
            }
        }
    }
}
