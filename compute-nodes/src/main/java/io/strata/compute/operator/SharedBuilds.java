package io.strata.compute.operator;

import io.strata.compute.plan.JoinType;
import io.strata.compute.plan.PhysicalNode;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The hash-join build sides the workers of one {@link GatherOperator} share: the first worker to reach a
 * join drains its right input and hashes it, the others wait for that table and probe it too (a built
 * table is only read). A build that does not fit the statement's memory is not shared (its maker gives
 * null): each worker then joins its part on its own, spilling as a join does. Joins that mark build rows
 * as matched (RIGHT, FULL) are not shared: each worker's marks would be its own. Closing releases every
 * build.
 */
final class SharedBuilds implements AutoCloseable {
    /** A build side: its rows (and their reserved heap) and their hash table. */
    record Build(RowBuffer buffer, JoinHashTable table) implements AutoCloseable {
        /** The rows, or null when there were none. */
        VectorSchemaRoot rows() {
            return buffer.rows();
        }

        @Override
        public void close() {
            buffer.close();
        }
    }

    private final Map<PhysicalNode.Join, CompletableFuture<Build>> builds = new IdentityHashMap<>();
    private boolean closed;

    static boolean shareable(JoinType type) {
        return type != JoinType.RIGHT && type != JoinType.FULL;
    }

    /**
     * The build of {@code join}, made by {@code maker} in this thread if no worker has begun it; null when the
     * maker found it too large to share.
     */
    Build get(PhysicalNode.Join join, Supplier<Build> maker) {
        CompletableFuture<Build> future;
        boolean mine = false;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the workers' builds are closed");
            }
            future = builds.get(join);
            if (future == null) {
                future = new CompletableFuture<>();
                builds.put(join, future);
                mine = true;
            }
        }
        if (mine) {
            try {
                future.complete(maker.get());
            } catch (RuntimeException | Error e) {
                future.completeExceptionally(e);
            }
        }
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    @Override
    public void close() {
        List<CompletableFuture<Build>> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(builds.values());
            builds.clear();
        }
        for (CompletableFuture<Build> future : all) {
            if (!future.isDone() || future.isCompletedExceptionally()) {
                continue; // workers are done before this closes: every build that was begun has ended
            }
            Build build = future.join();
            if (build != null) {
                build.close();
            }
        }
    }
}
