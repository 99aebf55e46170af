package io.strata.bench;

import io.strata.tests.target.ServerTarget;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * sysbench's point select: {@code SELECT c FROM sbtest1 WHERE id=?} as a server-side prepared
 * statement, from a fixed number of client threads, each on its own connection with its own seeded
 * key sequence (so every server gets the same keys in the same order). Bounded by time: a warm-up,
 * then a measured window; returns queries per second over the window.
 */
final class PointSelect {
    private static final String OPTIONS = "useServerPrepStmts=true&cachePrepStmts=true";
    private static final long JOIN_SLACK_MS = 60_000;

    private final int threads;
    private final int rows;
    private final long warmUpMs;
    private final long measureMs;

    PointSelect(int threads, int rows, long warmUpMs, long measureMs) {
        if (threads <= 0 || rows <= 0 || warmUpMs < 0 || measureMs <= 0) {
            throw new IllegalArgumentException("threads, rows and the measured time must be positive");
        }
        this.threads = threads;
        this.rows = rows;
        this.warmUpMs = warmUpMs;
        this.measureMs = measureMs;
    }

    double queriesPerSecond(ServerTarget target) throws InterruptedException {
        AtomicLong measured = new AtomicLong();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        long measureFrom = start + warmUpMs * 1_000_000;
        long measureUntil = measureFrom + measureMs * 1_000_000;
        List<Thread> clients = new ArrayList<>();
        for (int thread = 0; thread < threads; thread++) {
            long seed = 1_000L + thread;
            clients.add(Thread.ofPlatform().name("point-select-" + thread).start(() -> {
                try {
                    measured.addAndGet(run(target, new SplittableRandom(seed), measureFrom, measureUntil));
                } catch (SQLException | RuntimeException e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread client : clients) {
            client.join(warmUpMs + measureMs + JOIN_SLACK_MS);
            if (client.isAlive()) {
                throw new IllegalStateException(client.getName() + " did not finish in time");
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a point-select client failed on " + target.name(), failures.get(0));
        }
        return measured.get() * 1_000.0 / measureMs;
    }

    /** Runs until {@code measureUntil}; returns how many queries completed inside the measured window. */
    private long run(ServerTarget target, SplittableRandom keys, long measureFrom, long measureUntil) throws SQLException {
        long count = 0;
        try (Connection connection = target.connect(SbtestTable.DATABASE, OPTIONS);
             PreparedStatement select = connection.prepareStatement("SELECT c FROM sbtest1 WHERE id=?")) {
            long now = System.nanoTime();
            while (now < measureUntil) {
                int id = 1 + keys.nextInt(rows);
                select.setInt(1, id);
                try (ResultSet result = select.executeQuery()) {
                    if (!result.next() || result.getString(1).length() != 119 || result.next()) {
                        throw new IllegalStateException(target.name() + " returned a wrong row for id " + id);
                    }
                }
                now = System.nanoTime();
                if (now >= measureFrom && now < measureUntil) {
                    count++;
                }
            }
        }
        return count;
    }
}
