package io.strata.txn;

import io.strata.storage.ObjectStore;
import io.strata.txn.checkpoint.Checkpoint;
import io.strata.txn.checkpoint.CheckpointCodec;
import io.strata.txn.checkpoint.MergeResult;
import io.strata.txn.checkpoint.TableFiles;
import io.strata.txn.mvcc.TableData;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deletes objects nothing can read any more. The rule:
 * <ol>
 * <li>An object leaves a table's version only by a merge swap or a table drop, recorded by a checkpoint;
 *     from then on no new reader can acquire it, and no later checkpoint lists it again.</li>
 * <li>It is deleted only when (a) no checkpoint kept on the store lists it (the newest two are kept, so
 *     usually one more checkpoint must pass) and (b) no reader pins it: a scan or lookup pins the
 *     objects of the version it acquired ({@link TableData#acquire}) until it closes. Transactions read
 *     only through such versions, so a transaction's snapshot needs no pin of its own: the merge kept
 *     every row any snapshot at or after the oldest active one can see.</li>
 * <li>The in-memory tombstones (and key index entries) of rows a merge dropped go at the same moment, under
 *     the commit lock: until then a reader of the old objects still needs them to hide those rows.</li>
 * <li>A crash between the checkpoint and the deletion leaves garbage, never a missing object. At start
 *     (before anything runs, so nothing is being written) {@link #collectGarbage} deletes objects under
 *     {@code tables/} that no kept checkpoint lists, but only those named for an LSN at or below the
 *     newest checkpoint's: an object named for a later LSN belongs to a flush that began after that
 *     checkpoint, which the next flush of that LSN overwrites or a later start collects.</li>
 * </ol>
 * Thread-safe; {@link #reclaim} runs in the background after checkpoints.
 */
final class ObjectReclaimer {
    private static final System.Logger LOG = System.getLogger(ObjectReclaimer.class.getName());
    private static final Pattern LSN = Pattern.compile("tables/\\d+/(?:data|tomb|merge|mtomb)-(\\d+)[-.].*");
    /** Retired objects waiting; bounded by the merges and drops between two checkpoints. */
    private static final int MAX_PENDING = 100_000;

    /** Objects of one table that left its version, and the rows a merge dropped with them. */
    private record Retired(TableData table, List<String> keys, List<MergeResult.DroppedRow> droppedRows) {}

    private final ObjectStore store;
    private final Consumer<String> forgetObject;
    private final List<Retired> pending = new ArrayList<>(); // guarded by this
    /** One reclaim pass at a time (the background and {@link TransactionNode#reclaimObjects}). */
    private final java.util.concurrent.locks.ReentrantLock reclaimLock = new java.util.concurrent.locks.ReentrantLock();
    private long deleted;                                    // guarded by this
    /** False until {@link #loadKeptCheckpoints} succeeded: nothing is deleted without knowing every checkpoint. */
    private volatile boolean checkpointsKnown;
    /** Each checkpoint on the store (by key) and the objects it lists. */
    private final java.util.Map<String, Set<String>> keptCheckpoints = new java.util.HashMap<>(); // guarded by this

    /** @param forgetObject drops what the node caches for a deleted object (readers, chunks) */
    ObjectReclaimer(ObjectStore store, Consumer<String> forgetObject) {
        this.store = store;
        this.forgetObject = forgetObject;
    }

    /** Records objects that left {@code table}'s version in a checkpoint just written (under the commit lock). */
    synchronized void retire(TableData table, List<String> keys, List<MergeResult.DroppedRow> droppedRows) {
        if (pending.size() >= MAX_PENDING) {
            LOG.log(System.Logger.Level.WARNING, "too many retired objects pending; a later start collects them");
            return;
        }
        pending.add(new Retired(table, List.copyOf(keys), droppedRows));
    }

    synchronized int pendingCount() {
        return pending.size();
    }

    synchronized long deletedCount() {
        return deleted;
    }

    /**
     * Deletes the retired objects nothing needs any more (see the class comment); {@code underCommitLock}
     * runs the forgetting of dropped rows under the node's commit lock. Returns the objects deleted.
     */
    int reclaim(Consumer<Runnable> underCommitLock) {
        reclaimLock.lock();
        try {
            List<Retired> candidates;
            synchronized (this) {
                if (pending.isEmpty() || !checkpointsKnown) {
                    return 0;
                }
                candidates = List.copyOf(pending);
            }
            // Taken after the candidates were retired, so the checkpoint that retired them is counted.
            Set<String> referenced = referencedByKeptCheckpoints();
            List<Retired> ready = candidates.stream().filter(retired -> retired.keys().stream()
                    .noneMatch(key -> referenced.contains(key) || retired.table().pinned(key))).toList();
            if (ready.isEmpty()) {
                return 0;
            }
            assert ready.stream().allMatch(retired -> retired.keys().stream().noneMatch(key ->
                    retired.table().version().tombstoneObjects().contains(key)
                            || retired.table().version().objects().stream().anyMatch(o -> o.key().equals(key))))
                    : "a retired object is still in its table's version";
            underCommitLock.accept(() -> ready.forEach(retired -> retired.droppedRows()
                    .forEach(row -> retired.table().forgetDroppedRow(row.key(), row.rowId(), row.uniqueKeys()))));
            synchronized (this) {
                Set<Retired> done = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
                done.addAll(ready);
                pending.removeIf(done::contains);
            }
            int count = 0;
            for (Retired retired : ready) {
                for (String key : retired.keys()) {
                    store.delete(key);
                    forgetObject.accept(key);
                    count++;
                }
            }
            synchronized (this) {
                deleted += count;
            }
            return count;
        } finally {
            reclaimLock.unlock();
        }
    }

    /** Records the checkpoints on the store and what they list (at start, before anything else runs). */
    void loadKeptCheckpoints() {
        for (String key : store.list(CheckpointCodec.PREFIX)) {
            checkpointWritten(key, CheckpointCodec.decode(store.get(key)));
        }
        checkpointsKnown = true;
    }

    /** Records a checkpoint just put (or replaced) on the store, under the commit lock. */
    synchronized void checkpointWritten(String checkpointKey, Checkpoint checkpoint) {
        Set<String> listed = new HashSet<>();
        for (TableFiles files : checkpoint.tables().values()) {
            files.dataObjects().forEach(object -> listed.add(object.key()));
            listed.addAll(files.tombstoneObjects());
        }
        keptCheckpoints.put(checkpointKey, listed);
    }

    /** Records a checkpoint deleted from the store. */
    synchronized void checkpointDeleted(String checkpointKey) {
        keptCheckpoints.remove(checkpointKey);
    }

    /**
     * The objects listed by the checkpoints kept on the store. Kept in memory (this node is the only
     * writer of checkpoints) rather than listed, so that a listing racing a checkpoint's deletion or
     * replacement cannot miss one.
     */
    private synchronized Set<String> referencedByKeptCheckpoints() {
        Set<String> referenced = new HashSet<>();
        keptCheckpoints.values().forEach(referenced::addAll);
        return referenced;
    }

    private static boolean lsnAtMost(String digits, long lsn) {
        try {
            return Long.parseLong(digits) <= lsn;
        } catch (NumberFormatException e) {
            return false; // beyond any LSN
        }
    }

    /**
     * At start, after {@link #loadKeptCheckpoints}, before the node serves or runs a background task:
     * deletes objects under {@code tables/} that no kept checkpoint lists and that are named for an LSN at or below {@code newestCheckpointLsn}.
     * Returns the objects deleted.
     */
    int collectGarbage(long newestCheckpointLsn) {
        if (!checkpointsKnown) {
            return 0;
        }
        Set<String> referenced = referencedByKeptCheckpoints();
        int count = 0;
        for (String key : store.list("tables/")) {
            Matcher matcher = LSN.matcher(key);
            if (referenced.contains(key) || !matcher.matches()) {
                continue;
            }
            if (lsnAtMost(matcher.group(1), newestCheckpointLsn)) {
                store.delete(key);
                count++;
            }
        }
        if (count > 0) {
            LOG.log(System.Logger.Level.INFO, "deleted " + count + " unreferenced objects left by an earlier run");
        }
        return count;
    }
}
