package io.strata.txn;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.strata.txn.checkpoint.MergePolicy;
import io.strata.txn.checkpoint.MergeResult;
import io.strata.txn.checkpoint.Merger;
import io.strata.txn.mvcc.DataObjectRef;
import io.strata.txn.mvcc.TableData;
import io.strata.txn.mvcc.TableVersion;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Background merges of small or sparse data objects ({@link MergePolicy}), then deletion of objects
 * nothing needs any more ({@link ObjectReclaimer}). A merge is built outside the commit lock with its
 * inputs pinned, then swapped in by a flush and its checkpoint ({@link TransactionNode#installMerges}),
 * so commits wait only for the swap of versions. One merge at a time; requests while one runs are coalesced.
 */
final class Compactor {
    private static final System.Logger LOG = System.getLogger(Compactor.class.getName());
    private static final long STOP_TIMEOUT_SECONDS = 60;

    private final TransactionNode node;
    private final boolean enabled;
    static final int MERGES_PER_TABLE = 4;
    private static final long SORTED_ROW_IDS_BYTES = 64L << 20;
    private final ReentrantLock mergeLock = new ReentrantLock();
    private final LongAdder merges = new LongAdder();
    /** Data objects' sorted row ids, for counting their droppable rows (objects never change). */
    private final Cache<String, long[]> sortedRowIds = Caffeine.newBuilder()
            .maximumWeight(SORTED_ROW_IDS_BYTES)
            .weigher((String key, long[] ids) -> 64 + ids.length * Long.BYTES)
            .executor(Runnable::run)
            .build();
    /** Per table, its droppable rows when a look for sparse objects last found none (under mergeLock). */
    private final Map<TableData, Long> droppableAtLastLook = new WeakHashMap<>();
    private ThreadPoolExecutor executor; // null until started, or when disabled

    Compactor(TransactionNode node, boolean enabled) {
        this.node = node;
        this.enabled = enabled;
    }

    void start() {
        if (!enabled) {
            return;
        }
        // One running, at most one waiting: further requests are dropped, the waiting run covers them.
        executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1),
                Thread.ofPlatform().name("strata-txn-merge").daemon(true).factory(),
                new ThreadPoolExecutor.DiscardPolicy());
    }

    /** Asks for a merge and reclaim pass in the background (after a flush); returns at once. */
    void request() {
        if (executor != null && !executor.isShutdown()) {
            executor.execute(this::backgroundPass);
        }
    }

    long merges() {
        return merges.sum();
    }

    /** Waits for a running pass instead of interrupting it (an interrupt would close file channels). */
    void stop() {
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "merge still running after " + STOP_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void backgroundPass() {
        try {
            mergeAll();
            node.reclaimObjects();
        } catch (RuntimeException e) {
            // Nothing is lost: inputs stay listed until a swap succeeds, retired objects stay pending;
            // the next pass retries. Logged with its stack, as an internal error would be.
            LOG.log(System.Logger.Level.WARNING, "background merge or object deletion failed", e);
        }
    }

    /**
     * Merges every table that needs it, up to {@value #MERGES_PER_TABLE} merges per table (a write load keeps
     * making small objects, and one merge per pass would always take those and never get to the objects
     * full of deleted rows that every scan then wades through); returns the merges swapped in. Each round
     * builds one merge per table that needs one and swaps them all in with one flush.
     */
    int mergeAll() {
        mergeLock.lock();
        try {
            int merged = 0;
            List<TableData> tables = node.liveTables();
            for (int round = 0; round < MERGES_PER_TABLE && !tables.isEmpty() && !node.isClosed(); round++) {
                Map<TableData, MergeResult> built = new HashMap<>();
                for (TableData table : tables) {
                    buildMerge(table).ifPresent(result -> built.put(table, result));
                }
                if (built.isEmpty()) {
                    break;
                }
                Set<TableData> installed = node.installMerges(built);
                installed.forEach(table -> built.get(table).inputs().forEach(input -> sortedRowIds.invalidate(input.key())));
                merges.add(installed.size());
                merged += installed.size();
                tables = List.copyOf(installed);
            }
            return merged;
        } finally {
            mergeLock.unlock();
        }
    }

    /** A merge of {@code table}'s objects if it needs one, built (not yet swapped in). */
    private Optional<MergeResult> buildMerge(TableData table) {
        long oldest = node.oldestSnapshot();
        TableVersion version = table.acquireObjects();
        try {
            long[] droppable = table.tombstonedAtOrBefore(oldest);
            table.markDeletedBeforeAll(droppable);
            Arrays.sort(droppable);
            long tableRows = version.objects().stream().mapToLong(DataObjectRef::rowCount).sum();
            boolean look = MergePolicy.sparseLookDue(droppable.length,
                    droppableAtLastLook.getOrDefault(table, -1L), tableRows);
            Optional<List<DataObjectRef>> picked = MergePolicy.pick(table.definition(), version, droppable, look, node::objectReader,
                    reader -> sortedRowIds.get(reader.key(), key -> MergePolicy.sortedRowIds(reader, node.allocator())));
            if (picked.isEmpty()) {
                if (look) {
                    droppableAtLastLook.put(table, (long) droppable.length);
                }
                return Optional.empty();
            }
            droppableAtLastLook.remove(table); // the objects change: look afresh next time
            Merger merger = new Merger(table.definition(), node.objectStore(), node::objectReader, node.allocator());
            return Optional.of(merger.merge(picked.get(), version.tombstoneObjects(), oldest, node.uniqueObjectName()));
        } finally {
            table.releaseObjects(version);
        }
    }
}
