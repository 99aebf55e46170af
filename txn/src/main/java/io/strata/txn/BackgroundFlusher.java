package io.strata.txn;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the node's flush every {@code txn.flush-interval-ms}, so a quiet node still checkpoints and trims its
 * log, and when a commit finds the logtail over its threshold ({@link #requestSoon}): the committing client
 * should not wait for object writes.
 */
final class BackgroundFlusher {
    private static final System.Logger LOG = System.getLogger(BackgroundFlusher.class.getName());
    private static final long STOP_TIMEOUT_SECONDS = 60;

    private final Runnable flush;
    private final long intervalMillis;
    private volatile ScheduledExecutorService executor; // null until started, or when the interval is <= 0
    private final java.util.concurrent.atomic.AtomicBoolean requested = new java.util.concurrent.atomic.AtomicBoolean();

    BackgroundFlusher(Runnable flush, long intervalMillis) {
        this.flush = flush;
        this.intervalMillis = intervalMillis;
    }

    void start() {
        if (intervalMillis <= 0) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("strata-txn-flush").daemon(true).factory());
        executor.scheduleWithFixedDelay(flush, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    /** Whether a background thread flushes (started with a positive interval and not stopped). */
    boolean isRunning() {
        ScheduledExecutorService running = executor;
        return running != null && !running.isShutdown();
    }

    /**
     * Runs a flush on the background thread soon (one asked for and not yet started covers later asks);
     * false, having done nothing, when there is no background thread (interval 0, or stopped).
     */
    boolean requestSoon() {
        ScheduledExecutorService running = executor;
        if (running == null || running.isShutdown()) {
            return false;
        }
        if (requested.compareAndSet(false, true)) {
            try {
                running.execute(() -> {
                    requested.set(false);
                    flush.run();
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                requested.set(false);
                return false; // stopping
            }
        }
        return true;
    }

    /** Waits for a running flush instead of interrupting it: an interrupt would close its file channels. */
    void stop() {
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "background flush still running after " + STOP_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
