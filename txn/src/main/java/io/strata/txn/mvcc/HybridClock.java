package io.strata.txn.mvcc;

/**
 * Commit timestamps: microseconds of wall time, but strictly increasing even if the wall clock stalls
 * or steps back (a hybrid logical clock on one node: {@code max(wall, last + 1)}).
 */
public final class HybridClock {
    private long last;

    public synchronized long next() {
        long wall = System.currentTimeMillis() * 1000L;
        last = Math.max(wall, last + 1);
        return last;
    }

    /** Makes later timestamps exceed {@code timestamp} (one recovered from the log or a checkpoint). */
    public synchronized void observe(long timestamp) {
        last = Math.max(last, timestamp);
    }

    public synchronized long last() {
        return last;
    }
}
