package io.strata.txn;

import io.strata.common.config.StrataConfig;
import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.storage.CachingObjectStore;
import io.strata.storage.ObjectStore;
import io.strata.storage.format.ArrowIpc;
import io.strata.storage.format.ChunkCache;
import io.strata.storage.format.DataObjectReader;
import io.strata.txn.cache.DecodedBlockCache;
import io.strata.txn.cache.PinnedColumns;
import io.strata.txn.catalog.CatalogState;
import io.strata.txn.catalog.DdlOp;
import io.strata.txn.catalog.TableDefinition;
import io.strata.txn.checkpoint.Checkpoint;
import io.strata.txn.checkpoint.CheckpointCodec;
import io.strata.txn.checkpoint.Flusher;
import io.strata.txn.checkpoint.MergeResult;
import io.strata.txn.checkpoint.TableFiles;
import io.strata.txn.commit.LogEntry;
import io.strata.txn.commit.LogEntryCodec;
import io.strata.txn.log.LocalLogService;
import io.strata.txn.log.LogFutures;
import io.strata.txn.log.LogService;
import io.strata.txn.mvcc.AutoIncrementCounters;
import io.strata.txn.mvcc.BlockRowIdCache;
import io.strata.txn.mvcc.HybridClock;
import io.strata.txn.mvcc.ObjectBlocks;
import io.strata.txn.mvcc.PreparedInsert;
import io.strata.txn.mvcc.PrimaryKey;
import io.strata.txn.mvcc.UniqueIndex;
import io.strata.txn.mvcc.TableData;
import io.strata.txn.mvcc.LogtailSegment;
import io.strata.txn.mvcc.TableVersion;
import io.strata.txn.mvcc.TableWrites;
import org.apache.arrow.memory.BufferAllocator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The transaction node, embedded: orders commits, checks conflicts on primary keys and deleted rows,
 * logs each commit as one record (group commit shares the fsync), keeps committed rows in memory
 * (the logtail) and flushes them into objects with a checkpoint. Commits hold {@link #commitLock} from
 * the conflict check until their record is queued, so log order is commit-timestamp order; a snapshot
 * ({@link #visibleTs}) only moves past a commit once its record is durable. In the background a
 * {@link Compactor} merges small or sparse objects (swapped in under the lock by a checkpoint) and an
 * {@link ObjectReclaimer} deletes replaced objects once no kept checkpoint lists them and no reader holds them.
 */
public final class TransactionNode implements TxnService {
    private static final System.Logger LOG = System.getLogger(TransactionNode.class.getName());
    /** Bytes of object ranges kept in memory (a config key not in StrataConfig's defaults yet). */
    public static final String CACHE_BYTES_KEY = "storage.cache-bytes";
    private static final String DEFAULT_CACHE_BYTES = "134217728";
    /** Bytes of decoded blocks (Arrow vectors) kept in memory for point lookups and repeated scans. */
    public static final String DECODED_CACHE_BYTES_KEY = "storage.cache.decoded-bytes";
    private static final String DEFAULT_DECODED_CACHE_BYTES = "268435456";
    /** Bytes of decompressed object chunks kept in memory (under the decoded-block cache). */
    public static final String CHUNK_CACHE_BYTES_KEY = "storage.cache.chunk-bytes";
    private static final String DEFAULT_CHUNK_CACHE_BYTES = "67108864";
    /** Whether small and sparse data objects are merged in the background ("true" unless set otherwise). */
    public static final String MERGE_ENABLED_KEY = "txn.merge.enabled";
    private final ObjectStore store;
    private final ChunkCache chunkCache;
    private final LogService log;
    private final BufferAllocator allocator;
    /** Past this many times a flush threshold, commits flush on their own thread instead of leaving it to the background. */
    static final int FLUSH_BACKPRESSURE_FACTOR = 4;
    private final long flushThresholdRows;
    private final long flushThresholdSegments;
    /** Logtail segments (small commits) that trigger a flush, like txn.flush-threshold-rows does for rows. */
    public static final String FLUSH_THRESHOLD_SEGMENTS_KEY = "txn.flush-threshold-segments";
    private final HybridClock clock = new HybridClock();
    private final ReentrantLock commitLock = new ReentrantLock();
    /**
     * One flush or merge install at a time, so that a flush writing outside the commit lock finds the
     * versions it took unchanged but for new logtail. Taken before the commit lock, never inside it.
     */
    private final ReentrantLock flushLock = new ReentrantLock();
    private final ConcurrentSkipListMap<Long, CatalogState> catalogVersions = new ConcurrentSkipListMap<>();
    private final Map<Long, TableData> tables = new ConcurrentHashMap<>();
    private final Map<String, DataObjectReader> objectReaders = new ConcurrentHashMap<>();
    private final DecodedBlockCache decodedBlocks;
    private final ObjectBlocks objectBlocks = new ObjectBlocks() {
        @Override
        public DataObjectReader reader(String objectKey) {
            return objectReader(objectKey);
        }

        @Override
        public PinnedColumns pin(DataObjectReader reader, int block, int[] columns) {
            return decodedBlocks.pin(reader, block, columns);
        }
    };
    private final ScanCounters scanCounters = new ScanCounters();
    private final java.util.concurrent.atomic.LongAdder commits = new java.util.concurrent.atomic.LongAdder();
    /** 256 blocks of 8192 rows: 32 MB of heap at most. */
    private final BlockRowIdCache rowIdCache = new BlockRowIdCache(256);
    private final Set<TnTransaction> activeTransactions = ConcurrentHashMap.newKeySet();
    private final AtomicLong visibleTs = new AtomicLong();
    private final io.strata.txn.lock.RowLocks rowLocks = new io.strata.txn.lock.RowLocks();
    private final AtomicLong nextRowId = new AtomicLong(1);
    private final AtomicLong nextTableId = new AtomicLong(1);
    private final AtomicLong logtailRows = new AtomicLong();
    /** Commits leave one logtail segment per table they insert into; scans pay per segment, so many small ones flush too. */
    private final AtomicLong logtailSegments = new AtomicLong();
    private final AutoIncrementCounters autoIncrement;
    private long lastAppliedTs;     // under commitLock
    private volatile long checkpointLsn; // written under commitLock
    /**
     * The checkpoint stored at {@link #checkpointLsn}, which a merge's swap rewrites; under flushLock. Null
     * before the first, and after a checkpoint put failed (it may have stored a checkpoint this node does
     * not know as its newest): merges are then swapped in by a flush, whose checkpoint supersedes it.
     */
    private Checkpoint lastCheckpoint;
    /** Makes taking a snapshot and registering it one step, for {@link #oldestSnapshot}. */
    private final java.util.concurrent.locks.ReentrantReadWriteLock snapshotLock =
            new java.util.concurrent.locks.ReentrantReadWriteLock();
    private final ObjectReclaimer reclaimer;
    private final Compactor compactor;
    private volatile StrataException failure;
    private volatile boolean closed;
    private final BackgroundFlusher backgroundFlusher;

    private TransactionNode(ObjectStore store, LogService log, StrataConfig config, BufferAllocator allocator) {
        // Reads of object chunks (point lookups, repeated scans) hit memory; the caller still owns `store`.
        this.store = new CachingObjectStore(store, Long.parseLong(config.get(CACHE_BYTES_KEY, DEFAULT_CACHE_BYTES)));
        this.chunkCache = new ChunkCache(Long.parseLong(config.get(CHUNK_CACHE_BYTES_KEY, DEFAULT_CHUNK_CACHE_BYTES)));
        this.log = log;
        this.allocator = allocator.newChildAllocator("txn-node", 0, Long.MAX_VALUE);
        this.decodedBlocks = new DecodedBlockCache(
                Long.parseLong(config.get(DECODED_CACHE_BYTES_KEY, DEFAULT_DECODED_CACHE_BYTES)), this.allocator);
        this.flushThresholdRows = config.getLong("txn.flush-threshold-rows");
        this.flushThresholdSegments = Long.parseLong(config.get(FLUSH_THRESHOLD_SEGMENTS_KEY, "1024"));
        this.backgroundFlusher = new BackgroundFlusher(this::backgroundFlush, config.getLong("txn.flush-interval-ms"));
        this.autoIncrement = new AutoIncrementCounters(log);
        this.reclaimer = new ObjectReclaimer(this.store, key -> {
            objectReaders.remove(key);
            chunkCache.invalidateObject(key);
        });
        this.compactor = new Compactor(this, Boolean.parseBoolean(config.get(MERGE_ENABLED_KEY, "true")));
    }

    /** Recovers (last checkpoint from the store + replay of the log in logDirectory), then serves. */
    public static TransactionNode open(ObjectStore store, Path logDirectory, StrataConfig config,
                                       BufferAllocator allocator) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(allocator, "allocator");
        Optional<Checkpoint> checkpoint = CheckpointCodec.latest(store);
        LogService log = LocalLogService.open(logDirectory, config, checkpoint.map(c -> c.lsn() + 1).orElse(1L));
        TransactionNode node = new TransactionNode(store, log, config, allocator);
        try {
            node.recover(checkpoint);
        } catch (RuntimeException e) {
            node.releaseMemory();
            log.close();
            throw e;
        }
        try {
            node.reclaimer.loadKeptCheckpoints();
            checkpoint.ifPresent(c -> node.reclaimer.collectGarbage(c.lsn()));
        } catch (StrataException e) {
            // Garbage only costs space: serve anyway, a later start collects it.
            LOG.log(System.Logger.Level.WARNING, "garbage collection of unreferenced objects failed", e);
        }
        node.backgroundFlusher.start();
        node.compactor.start();
        return node;
    }

    @Override
    public Transaction begin() {
        checkHealthy();
        while (true) {
            snapshotLock.readLock().lock();
            try {
                long snapshot = visibleTs.get();
                Map.Entry<Long, CatalogState> catalog = catalogVersions.floorEntry(snapshot);
                if (catalog != null) {
                    TnTransaction transaction = new TnTransaction(this, snapshot, catalog.getValue());
                    activeTransactions.add(transaction);
                    return transaction;
                }
            } finally {
                snapshotLock.readLock().unlock();
            }
            // A flush pruned the version of this (already old) snapshot; the current one is always kept.
        }
    }

    /**
     * Flushes everything committed into objects with a checkpoint, now (also done past the threshold and
     * on close). Commits go on meanwhile: the commit lock is held only to take the logtail and to install
     * the written objects, not while they are written.
     */
    public void flush() {
        checkHealthy();
        flushLock.lock();
        try {
            flushConcurrently(Map.of());
        } finally {
            flushLock.unlock();
        }
        compactor.request();
    }

    /**
     * Merges now, on this thread, every table whose objects need it (what the background does after
     * flushes), each swap recorded by a checkpoint; then deletes the objects nothing needs any more.
     * Returns the merges done.
     */
    public int mergeNow() {
        checkHealthy();
        int merged = compactor.mergeAll();
        reclaimObjects();
        return merged;
    }

    /**
     * Deletes objects that left every table version, once no kept checkpoint lists them and no reader
     * holds them (see {@link ObjectReclaimer}); returns how many were deleted. Also run in the background.
     */
    public int reclaimObjects() {
        return reclaimer.reclaim(forget -> {
            commitLock.lock();
            try {
                forget.run();
            } finally {
                commitLock.unlock();
            }
        });
    }

    @Override
    public void close() {
        shutdown(true);
    }

    /**
     * Stops without flushing, as a crash would (but releasing memory): committed data stays durable in
     * the log and is replayed by the next {@link #open}. For fast shutdowns and recovery tests.
     */
    public void closeWithoutFlush() {
        shutdown(false);
    }

    private void shutdown(boolean flushFirst) {
        if (closed) {
            return;
        }
        backgroundFlusher.stop();
        compactor.stop();
        List.copyOf(activeTransactions).forEach(TnTransaction::rollback);
        try {
            if (flushFirst && failure == null) {
                checkHealthy();
                flushLock.lock();
                commitLock.lock();
                try {
                    flushLocked(true, true);
                } finally {
                    commitLock.unlock();
                    flushLock.unlock();
                }
            }
        } finally {
            closed = true;
            log.close();
            releaseMemory();
        }
    }

    // ---- services for transactions ----

    BufferAllocator allocator() {
        return allocator;
    }

    AutoIncrementCounters autoIncrement() {
        return autoIncrement;
    }

    TableData tableData(long tableId) {
        return tables.get(tableId);
    }

    DataObjectReader objectReader(String key) {
        return objectReaders.computeIfAbsent(key, k -> DataObjectReader.open(store, k, chunkCache));
    }

    ObjectBlocks objectBlocks() {
        return objectBlocks;
    }

    /** The decoded block cache (for its counters). */
    public DecodedBlockCache decodedBlockCache() {
        return decodedBlocks;
    }

    ScanCounters scanCounters() {
        return scanCounters;
    }

    @Override
    public Map<String, Long> statistics() {
        Map<String, Long> statistics = new java.util.LinkedHashMap<>();
        statistics.put("Strata_commits", commits.sum());
        statistics.put("Strata_scan_blocks_read", scanCounters.blocksRead());
        statistics.put("Strata_scan_blocks_pruned", scanCounters.blocksPruned());
        statistics.put("Strata_scan_logtail_segments_pruned", scanCounters.segmentsPruned());
        statistics.put("Strata_chunk_cache_hits", chunkCache.hits());
        statistics.put("Strata_chunk_cache_misses", chunkCache.misses());
        statistics.put("Strata_chunk_cache_bytes", chunkCache.cachedBytes());
        statistics.put("Strata_decoded_cache_hits", decodedBlocks.hits());
        statistics.put("Strata_decoded_cache_misses", decodedBlocks.misses());
        statistics.put("Strata_decoded_cache_bytes", decodedBlocks.allocatedBytes());
        if (store instanceof CachingObjectStore cache) {
            statistics.put("Strata_object_cache_hits", cache.hits());
            statistics.put("Strata_object_cache_misses", cache.misses());
            statistics.put("Strata_object_cache_bytes", cache.cachedBytes());
        }
        statistics.put("Strata_logtail_rows", logtailRows.get());
        statistics.put("Strata_merges", compactor.merges());
        statistics.put("Strata_objects_deleted", reclaimer.deletedCount());
        statistics.put("Strata_objects_pending_deletion", (long) reclaimer.pendingCount());
        return statistics;
    }

    io.strata.txn.lock.RowLocks rowLocks() {
        return rowLocks;
    }

    /** The newest snapshot a transaction may read at, and the catalog there (for READ COMMITTED). */
    Map.Entry<Long, CatalogState> latestSnapshot() {
        while (true) {
            long snapshot = visibleTs.get();
            Map.Entry<Long, CatalogState> catalog = catalogVersions.floorEntry(snapshot);
            if (catalog != null) {
                return Map.entry(snapshot, catalog.getValue());
            }
        }
    }

    BlockRowIdCache rowIdCache() {
        return rowIdCache;
    }

    long allocateTableId() {
        return nextTableId.getAndIncrement();
    }

    long allocateRowIds(int count) {
        return nextRowId.getAndAdd(count);
    }

    void finished(TnTransaction transaction) {
        activeTransactions.remove(transaction);
    }

    static StrataException duplicateKey(TableDefinition table, PrimaryKey key) {
        return duplicateKey(table, "PRIMARY", key);
    }

    /** ER_DUP_ENTRY as MySQL 8 words it: the key's parts and {@code table.index}. */
    static StrataException duplicateKey(TableDefinition table, String indexName, PrimaryKey key) {
        return StrataException.of(ErrorCode.ER_DUP_ENTRY, "Duplicate entry '%s' for key '%s.%s'",
                key.display(), table.name(), indexName);
    }

    // ---- commit ----

    long commit(TnTransaction transaction) {
        checkHealthy();
        if (transaction.isReadOnly()) {
            return transaction.snapshotTs();
        }
        Applied applied = applyCommit(transaction);
        awaitDurable(applied.durable());
        published(applied.commitTs());
        if (overFlushThreshold()) {
            // In the background, unless flushing has fallen far behind: then this commit helps (backpressure).
            if (farBehindFlushing() || !backgroundFlusher.requestSoon()) {
                flushAfterCommit();
            }
        }
        return applied.commitTs();
    }

    /**
     * Commits as {@link #commit} does up to the log write, without waiting for it: the future completes
     * with the commit timestamp once the commit is durable and visible, or fails (and the node stops
     * serving) if the log failed. Call only when {@link #commitWouldFlush} is false: a flush past the
     * threshold is left to the background thread.
     */
    CompletableFuture<Long> commitWithoutWaiting(TnTransaction transaction) {
        checkHealthy();
        Applied applied = applyCommit(transaction);
        CompletableFuture<Long> visible = new CompletableFuture<>();
        LogFutures.bounded(applied.durable()).whenComplete((lsn, error) -> {
            if (error != null) {
                StrataException failed = LogFutures.failure(error);
                failure = failed; // applied in memory but maybe not durable: stop serving rather than lie
                visible.completeExceptionally(failed);
                return;
            }
            published(applied.commitTs());
            if (overFlushThreshold()) {
                backgroundFlusher.requestSoon();
            }
            visible.complete(applied.commitTs());
        });
        return visible;
    }

    /**
     * Whether a commit now would flush on its own thread (flushing has fallen far behind, or the threshold
     * is passed and no background thread flushes): {@link #commitWithoutWaiting} cannot.
     */
    boolean commitWouldFlush() {
        return farBehindFlushing() || (overFlushThreshold() && !backgroundFlusher.isRunning());
    }

    private boolean overFlushThreshold() {
        return logtailRows.get() >= flushThresholdRows || logtailSegments.get() >= flushThresholdSegments;
    }

    private boolean farBehindFlushing() {
        return logtailRows.get() >= FLUSH_BACKPRESSURE_FACTOR * flushThresholdRows
                || logtailSegments.get() >= FLUSH_BACKPRESSURE_FACTOR * flushThresholdSegments;
    }

    /** A commit applied in memory whose log record is queued: visible once {@code durable} completes. */
    private record Applied(long commitTs, CompletableFuture<Long> durable) {}

    /**
     * Checks a writing transaction's commit, orders it, queues its log record and applies it in memory
     * (not yet visible to snapshots: {@link #published} makes it so once the record is durable).
     */
    private Applied applyCommit(TnTransaction transaction) {
        Set<Long> writtenTables = new HashSet<>();
        transaction.allWrites().forEach((tableId, writes) -> {
            if (!writes.isEmpty()) {
                writtenTables.add(tableId);
            }
        });
        List<PreparedInsert> inserts = new ArrayList<>();
        for (TableWrites writes : transaction.allWrites().values()) {
            inserts.addAll(writes.prepareInserts(allocator));
        }
        long commitTs;
        CompletableFuture<Long> durable;
        boolean handedOver = false;
        try {
            // Serialized outside the lock: the bytes do not depend on the commit timestamp.
            Map<PreparedInsert, byte[]> serialized = new IdentityHashMap<>();
            inserts.forEach(insert -> serialized.put(insert, ArrowIpc.write(insert.rows())));
            commitLock.lock();
            try {
                checkHealthy();
                CatalogState catalog = catalogVersions.lastEntry().getValue();
                for (DdlOp op : transaction.ddl()) {
                    catalog = op.apply(catalog);
                }
                CommitChecks.checkTablesStillExist(transaction, writtenTables, catalog);
                CommitChecks.checkDefinitionsUnchanged(transaction, writtenTables, catalog);
                Map<Long, List<UniqueIndex>> builtIndexes = transaction.ddl().isEmpty() ? Map.of()
                        : buildAddedUniqueIndexes(catalog);
                List<LogEntry.TableDelete> deletes = CommitChecks.checkDeletes(transaction, catalog, tables);
                List<PreparedInsert> kept = CommitChecks.keepLiveTables(inserts, catalog);
                CommitChecks.checkInsertConflicts(transaction, kept, tables);
                commitTs = clock.next();
                List<LogEntry.TableInsert> loggedInserts = new ArrayList<>(kept.size());
                for (PreparedInsert insert : kept) {
                    loggedInserts.add(new LogEntry.TableInsert(insert.tableId(), insert.rowIds(), serialized.get(insert)));
                }
                LogEntry.Commit entry = new LogEntry.Commit(commitTs, transaction.ddl(), loggedInserts, deletes,
                        transaction.autoIncrementUsed());
                durable = log.appendAsync(LogEntryCodec.encode(entry));
                handedOver = true;
                Set<PreparedInsert> keptSet = Collections.newSetFromMap(new IdentityHashMap<>());
                keptSet.addAll(kept);
                inserts.stream().filter(insert -> !keptSet.contains(insert)).forEach(insert -> insert.rows().close());
                if (!transaction.ddl().isEmpty()) {
                    applyCatalog(commitTs, catalog, builtIndexes);
                }
                apply(commitTs, kept, deletes, entry.autoIncrementUsed());
            } finally {
                commitLock.unlock();
            }
        } finally {
            if (!handedOver) {
                inserts.forEach(insert -> insert.rows().close());
            }
        }
        return new Applied(commitTs, durable);
    }

    /** A durable commit becomes visible to new snapshots. */
    private void published(long commitTs) {
        visibleTs.accumulateAndGet(commitTs, Math::max);
        commits.increment();
    }

    private void awaitDurable(CompletableFuture<Long> durable) {
        try {
            LogFutures.await(durable);
        } catch (StrataException e) {
            // The commit is applied in memory but may not be durable: stop serving rather than lie.
            failure = e;
            throw e;
        }
    }

    /**
     * Publishes a commit into the in-memory state (under the commit lock, or during recovery). Takes
     * ownership of the inserted rows.
     */
    void apply(long commitTs, List<PreparedInsert> inserts, List<LogEntry.TableDelete> deletes,
               Map<Long, Long> autoIncrementUsed) {
        for (PreparedInsert insert : inserts) {
            TableData table = tables.get(insert.tableId());
            table.appendLogtail(new io.strata.txn.mvcc.LogtailSegment(commitTs, insert.rowIds(), insert.rows()));
            for (int i = 0; i < insert.keys().size(); i++) {
                table.indexKey(insert.keys().get(i), insert.rowIds()[i], commitTs);
            }
            List<UniqueIndex> uniqueIndexes = table.uniqueIndexes();
            for (int index = 0; index < insert.uniqueKeys().size(); index++) {
                List<PrimaryKey> keys = insert.uniqueKeys().get(index);
                for (int i = 0; i < keys.size(); i++) {
                    if (keys.get(i) != null) {
                        uniqueIndexes.get(index).put(keys.get(i), insert.rowIds()[i]);
                    }
                }
            }
            logtailRows.addAndGet(insert.rowIds().length);
            logtailSegments.incrementAndGet();
        }
        for (LogEntry.TableDelete delete : deletes) {
            TableData table = tables.get(delete.tableId());
            for (long rowId : delete.rowIds()) {
                table.addTombstone(rowId, commitTs, false);
            }
            logtailRows.addAndGet(delete.rowIds().length);
        }
        autoIncrementUsed.forEach(autoIncrement::observe);
        lastAppliedTs = Math.max(lastAppliedTs, commitTs);
    }

    /**
     * Publishes a catalog version (under the commit lock, or during recovery): new tables get their
     * state, tables whose indexes changed take their new definition with the UNIQUE indexes
     * {@link #buildAddedUniqueIndexes} filled for them.
     */
    void applyCatalog(long commitTs, CatalogState catalog, Map<Long, List<UniqueIndex>> builtIndexes) {
        catalogVersions.put(commitTs, catalog);
        for (TableDefinition table : catalog.allTables()) {
            TableData existing = tables.computeIfAbsent(table.tableId(), id -> new TableData(table));
            if (!existing.definition().equals(table)) {
                List<UniqueIndex> built = builtIndexes.getOrDefault(table.tableId(), List.of());
                built.forEach(index -> index.builtAt(commitTs));
                existing.redefine(table, built);
            }
        }
    }

    /**
     * The UNIQUE indexes that {@code catalog} adds to existing tables, filled from their live rows (by
     * table id); ER_DUP_ENTRY if live rows already share a key. Under the commit lock, or in recovery.
     */
    Map<Long, List<UniqueIndex>> buildAddedUniqueIndexes(CatalogState catalog) {
        Map<Long, List<UniqueIndex>> built = new HashMap<>();
        for (TableDefinition definition : catalog.allTables()) {
            TableData table = tables.get(definition.tableId());
            if (table != null && !table.definition().equals(definition)) {
                List<UniqueIndex> added = UniqueIndexBuilder.buildAdded(table, definition, objectBlocks, allocator);
                if (!added.isEmpty()) {
                    built.put(definition.tableId(), added);
                }
            }
        }
        return built;
    }

    // ---- flush and checkpoint ----

    /**
     * One table as a flush took it: its definition and state, the version it holds, the tombstones to write,
     * and the merge to swap in with the flush (null if none).
     */
    private record FlushedTable(TableDefinition definition, TableData table, TableVersion version, List<long[]> tombstones,
                                MergeResult merge) {
        /** The version the checkpoint lists for this table once {@code written} holds its logtail and tombstones. */
        TableVersion listed(Flusher.Written written) {
            TableVersion next = Flusher.withWritten(version, written, List.of());
            return merge == null ? next : merge.applyTo(next);
        }
    }

    /** What a flush took under the commit lock, written out while commits go on. */
    private record FlushCapture(long lsn, long appliedTs, CatalogState catalog, List<FlushedTable> tables,
                                long nextRowId, long nextTableId, Map<Long, Long> autoIncrementNext) {}

    /**
     * A flush in three steps (the caller holds {@link #flushLock}): take every table's logtail and new
     * tombstones under the commit lock; write them as objects and write the checkpoint without it; then
     * under the lock again swap the objects in for the segments written (segments committed meanwhile
     * stay in the logtail; they are after the checkpoint's LSN, so recovery replays them).
     * {@code merges} still applying to their tables' versions when the logtail is taken are swapped in by
     * the same checkpoint (written even if nothing was committed since the last one); the outputs of the
     * others are deleted (no one could have read them). Returns the tables whose merges were swapped in.
     */
    private Set<TableData> flushConcurrently(Map<TableData, MergeResult> merges) {
        Map<TableData, MergeResult> abandoned = new HashMap<>(merges);
        FlushCapture capture = null;
        Map<FlushedTable, Flusher.Written> written = new IdentityHashMap<>();
        boolean mayBeListed = false;
        try {
            commitLock.lock();
            try {
                capture = captureForFlush(merges);
            } finally {
                commitLock.unlock();
            }
            if (capture == null) {
                return Set.of();
            }
            capture.tables().forEach(flushed -> abandoned.remove(flushed.table(), flushed.merge()));
            Map<Long, TableFiles> files = new HashMap<>();
            for (FlushedTable flushed : capture.tables()) {
                Flusher.Written objects = Flusher.write(flushed.definition(), flushed.version().logtail(),
                        flushed.tombstones(), capture.lsn(), store, allocator);
                written.put(flushed, objects);
                TableVersion next = flushed.listed(objects);
                files.put(flushed.definition().tableId(), new TableFiles(next.objects(), next.tombstoneObjects()));
            }
            Checkpoint checkpoint = new Checkpoint(capture.lsn(), capture.appliedTs(), capture.catalog(), files,
                    capture.nextRowId(), capture.nextTableId(), capture.autoIncrementNext());
            // From here on the objects may be listed: a put that failed may still have stored the checkpoint
            // (a timeout after the store took it), so a failure leaves them as garbage, never deletes them.
            mayBeListed = true;
            lastCheckpoint = null; // until the put succeeds: one that failed may have landed a newer checkpoint
            store.put(CheckpointCodec.key(capture.lsn()), CheckpointCodec.encode(checkpoint));
            reclaimer.checkpointWritten(CheckpointCodec.key(capture.lsn()), checkpoint);
            lastCheckpoint = checkpoint;
            commitLock.lock();
            try {
                installFlush(capture, written);
            } finally {
                commitLock.unlock();
            }
        } finally {
            abandoned.values().forEach(merge -> merge.writtenKeys().forEach(store::delete));
            if (capture != null) {
                capture.tables().forEach(flushed -> flushed.table().release(flushed.version()));
                if (!mayBeListed) { // listed nowhere
                    written.values().forEach(objects -> objects.keys().forEach(store::delete));
                    capture.tables().stream().filter(flushed -> flushed.merge() != null)
                            .forEach(flushed -> flushed.merge().writtenKeys().forEach(store::delete));
                }
            }
        }
        log.truncate(capture.lsn());
        pruneCheckpoints();
        Set<TableData> merged = new HashSet<>();
        capture.tables().stream().filter(flushed -> flushed.merge() != null).forEach(flushed -> merged.add(flushed.table()));
        return merged;
    }

    /** Under the commit lock: the logtail and tombstones to flush, or null if nothing was committed since the last checkpoint. */
    private FlushCapture captureForFlush(Map<TableData, MergeResult> merges) {
        checkHealthy();
        long lsn = log.sync();
        Map<TableData, MergeResult> applying = new HashMap<>();
        merges.forEach((table, merge) -> {
            if (tables.get(table.definition().tableId()) == table && merge.appliesTo(table.version())) {
                applying.put(table, merge);
            }
        });
        if (lsn <= checkpointLsn && applying.isEmpty()) {
            return null;
        }
        visibleTs.accumulateAndGet(lastAppliedTs, Math::max); // everything applied is durable now
        CatalogState catalog = catalogVersions.lastEntry().getValue();
        List<FlushedTable> flushed = new ArrayList<>();
        for (TableDefinition definition : catalog.allTables()) {
            TableData table = tables.get(definition.tableId());
            flushed.add(new FlushedTable(definition, table, table.acquire(), table.unflushedTombstones(), applying.get(table)));
        }
        return new FlushCapture(lsn, lastAppliedTs, catalog, flushed, nextRowId.get(), nextTableId.get(),
                autoIncrement.durableNextValues());
    }

    /** Under the commit lock, after the checkpoint listing {@code written} is stored: the objects replace what they hold. */
    private void installFlush(FlushCapture capture, Map<FlushedTable, Flusher.Written> written) {
        try {
            long rows = 0;
            long segments = 0;
            for (FlushedTable flushed : capture.tables()) {
                Flusher.Written objects = written.get(flushed);
                flushed.table().installFlushed(flushed.version(), objects.dataObjects(), objects.tombstoneObject());
                flushed.table().dropFlushedTombstones(flushed.tombstones().size());
                if (flushed.merge() != null) {
                    flushed.table().replaceVersion(flushed.merge().applyTo(flushed.table().version()));
                    reclaimer.retire(flushed.table(), flushed.merge().replacedKeys(), flushed.merge().droppedRows());
                }
                segments += flushed.version().logtail().size();
                rows += flushed.tombstones().size();
                for (LogtailSegment segment : flushed.version().logtail()) {
                    rows += segment.rowCount();
                }
            }
            logtailRows.addAndGet(-rows);
            logtailSegments.addAndGet(-segments);
            Set<Long> listed = new HashSet<>();
            capture.catalog().allTables().forEach(table -> listed.add(table.tableId()));
            catalogVersions.lastEntry().getValue().allTables().forEach(table -> listed.add(table.tableId()));
            retireDroppedTables(listed);
            checkpointLsn = capture.lsn();
            pruneCatalogVersions();
        } catch (RuntimeException e) {
            // The checkpoint lists objects whose rows may also stay in the logtail: a later flush would write them twice.
            failure = new StrataException(ErrorCode.ER_STORAGE_FAILURE, "installing a flush failed: " + e.getMessage(), e);
            throw failure;
        }
    }

    /** Forgets the state of tables not in {@code listed}; their objects go once nothing needs them. */
    private void retireDroppedTables(Set<Long> listed) {
        for (Long tableId : List.copyOf(tables.keySet())) {
            if (!listed.contains(tableId)) {
                TableData dropped = tables.remove(tableId);
                List<String> keys = new ArrayList<>();
                dropped.version().objects().forEach(object -> keys.add(object.key()));
                keys.addAll(dropped.version().tombstoneObjects());
                reclaimer.retire(dropped, keys, List.of());
                dropped.releaseAll();
            }
        }
    }

    /**
     * @param finalCheckpoint the last checkpoint before a clean shutdown: no transaction runs any more, so
     *                        AUTO_INCREMENT counters are recorded exactly rather than at their reservations
     * @param force           write a checkpoint even if nothing was committed since the last one (it then
     *                        replaces the checkpoint of the same LSN, atomically)
     */
    private void flushLocked(boolean finalCheckpoint, boolean force) {
        long lsn = log.sync();
        if (lsn <= checkpointLsn && !force) {
            return;
        }
        visibleTs.accumulateAndGet(lastAppliedTs, Math::max); // everything applied is durable now
        CatalogState catalog = catalogVersions.lastEntry().getValue();
        Map<Long, TableFiles> files = new HashMap<>();
        Map<TableData, TableVersion> flushed = new HashMap<>();
        for (TableDefinition definition : catalog.allTables()) {
            TableData table = tables.get(definition.tableId());
            TableVersion next = Flusher.flush(table, lsn, store, allocator);
            files.put(definition.tableId(), new TableFiles(next.objects(), next.tombstoneObjects()));
            flushed.put(table, next);
        }
        Checkpoint checkpoint = new Checkpoint(lsn, lastAppliedTs, catalog, files, nextRowId.get(), nextTableId.get(),
                finalCheckpoint ? autoIncrement.exactNextValues() : autoIncrement.durableNextValues());
        lastCheckpoint = null; // until the put succeeds
        store.put(CheckpointCodec.key(lsn), CheckpointCodec.encode(checkpoint));
        reclaimer.checkpointWritten(CheckpointCodec.key(lsn), checkpoint);
        lastCheckpoint = checkpoint;
        flushed.forEach((table, next) -> {
            TableVersion old = table.version();
            table.replaceVersion(next);
            TableData.releaseVersion(old);
            table.clearUnflushedTombstones();
        });
        retireDroppedTables(new HashSet<>(files.keySet()));
        checkpointLsn = lsn;
        logtailRows.set(0);
        logtailSegments.set(0);
        log.truncate(lsn);
        pruneCheckpoints();
        pruneCatalogVersions();
    }

    /**
     * Forgets catalog versions no snapshot can ask for: those older than the version current at the
     * oldest active snapshot. A transaction beginning meanwhile takes a snapshot at or after {@link #visibleTs}.
     */
    private void pruneCatalogVersions() {
        long oldest = oldestSnapshot();
        tables.values().forEach(table -> table.pruneOlderVersions(oldest)); // replaced versions nobody can read
        Long keep = catalogVersions.floorKey(oldest);
        if (keep != null) {
            catalogVersions.headMap(keep, false).clear();
        }
    }

    /**
     * The oldest snapshot any transaction has or can still take: the minimum of the active snapshots and
     * {@link #visibleTs} (later snapshots start there or later). Never decreases.
     */
    long oldestSnapshot() {
        snapshotLock.writeLock().lock();
        try {
            long oldest = visibleTs.get();
            for (TnTransaction transaction : activeTransactions) {
                oldest = Math.min(oldest, transaction.snapshotTs());
            }
            return oldest;
        } finally {
            snapshotLock.writeLock().unlock();
        }
    }

    // ---- merges ----

    /**
     * Swaps merges built outside the lock into their tables' versions, if each table still exists and its
     * version still lists the merge's inputs; what the others wrote is deleted (no one could have read it).
     * Tombstones committed meanwhile stay (merged rows keep their ids). Returns the tables whose merges were
     * swapped in. The swap rewrites the last checkpoint ({@link #swapInMerges}); only before the first
     * checkpoint (merges then have nothing to merge) does it take a flush.
     */
    Set<TableData> installMerges(Map<TableData, MergeResult> merges) {
        flushLock.lock();
        try {
            if (closed || failure != null) {
                merges.values().forEach(merge -> merge.writtenKeys().forEach(store::delete));
                return Set.of();
            }
            return lastCheckpoint == null ? flushConcurrently(merges) : swapInMerges(merges);
        } finally {
            flushLock.unlock();
        }
    }

    /**
     * Under the flush lock: stores the last checkpoint again under its own LSN with the applying merges'
     * outputs listed instead of their inputs, then swaps them into the tables' versions. The logtail stays
     * where it is: the merged objects hold only rows of objects that checkpoint listed (merged rows keep
     * their ids, so tombstones in the log after it still find them), and recovery replays the log after
     * it as before. A swap that flushed the logtail instead made objects of a few rows and a tombstone
     * object per table on every merge, which the next merges had to merge again.
     */
    private Set<TableData> swapInMerges(Map<TableData, MergeResult> merges) {
        Checkpoint last = lastCheckpoint;
        Map<TableData, MergeResult> applying = new HashMap<>();
        Map<Long, TableFiles> files = new HashMap<>(last.tables());
        merges.forEach((table, merge) -> {
            long tableId = table.definition().tableId();
            TableFiles listed = last.tables().get(tableId);
            // Objects change only under the flush lock, held here: the version lists what the checkpoint lists.
            TableVersion listedVersion = listed == null ? null
                    : new TableVersion(listed.dataObjects(), listed.tombstoneObjects(), List.of());
            if (listed != null && tables.get(tableId) == table && merge.appliesTo(table.version())
                    && merge.appliesTo(listedVersion)) {
                TableVersion merged = merge.applyTo(listedVersion);
                files.put(tableId, new TableFiles(merged.objects(), merged.tombstoneObjects()));
                applying.put(table, merge);
            }
        });
        boolean mayBeListed = false;
        try {
            if (applying.isEmpty()) {
                return Set.of();
            }
            Checkpoint checkpoint = new Checkpoint(last.lsn(), last.commitTs(), last.catalog(), files, last.nextRowId(),
                    last.nextTableId(), last.autoIncrementNext());
            mayBeListed = true; // as in a flush: a put that failed may still have stored it
            lastCheckpoint = null; // until the put succeeds
            store.put(CheckpointCodec.key(last.lsn()), CheckpointCodec.encode(checkpoint));
            lastCheckpoint = checkpoint;
            commitLock.lock();
            try {
                reclaimer.checkpointWritten(CheckpointCodec.key(last.lsn()), checkpoint);
                applying.forEach((table, merge) -> {
                    table.replaceVersion(merge.applyTo(table.version()));
                    reclaimer.retire(table, merge.replacedKeys(), merge.droppedRows());
                });
            } finally {
                commitLock.unlock();
            }
            return Set.copyOf(applying.keySet());
        } finally {
            for (Map.Entry<TableData, MergeResult> merge : merges.entrySet()) {
                if (!mayBeListed || !applying.containsKey(merge.getKey())) {
                    merge.getValue().writtenKeys().forEach(store::delete);
                }
            }
        }
    }

    /** {@link #installMerges} of one merge: whether it was swapped in. */
    boolean installMerge(TableData table, MergeResult merge) {
        return installMerges(Map.of(table, merge)).contains(table);
    }

    List<TableData> liveTables() {
        return List.copyOf(tables.values());
    }

    boolean isClosed() {
        return closed || failure != null;
    }

    ObjectStore objectStore() {
        return store;
    }

    /** A name no object of this store has: the last checkpoint's LSN (for garbage collection), then a fresh timestamp. */
    String uniqueObjectName() {
        return String.format("%020d-%016x", checkpointLsn, clock.next());
    }

    /** Keeps the newest two checkpoints; objects they list are deleted only once neither does ({@link ObjectReclaimer}). */
    private void pruneCheckpoints() {
        List<String> keys = store.list(CheckpointCodec.PREFIX);
        for (int i = 0; i < keys.size() - 2; i++) {
            store.delete(keys.get(i));
            reclaimer.checkpointDeleted(keys.get(i));
        }
    }

    // ---- recovery ----

    private void recover(Optional<Checkpoint> checkpoint) {
        Recovery recovery = new Recovery(this, store);
        checkpoint.ifPresentOrElse(recovery::loadCheckpoint,
                () -> catalogVersions.put(0L, CatalogState.EMPTY));
        log.read(checkpointLsn + 1, (lsn, record) -> recovery.replay(LogEntryCodec.decode(record)));
        visibleTs.set(lastAppliedTs);
    }

    void restoreCheckpoint(Checkpoint checkpoint, Map<Long, TableData> restored) {
        catalogVersions.put(checkpoint.commitTs(), checkpoint.catalog());
        tables.putAll(restored);
        checkpointLsn = checkpoint.lsn();
        lastCheckpoint = checkpoint;
        lastAppliedTs = checkpoint.commitTs();
        clock.observe(checkpoint.commitTs());
        nextRowId.set(Math.max(nextRowId.get(), checkpoint.nextRowId()));
        nextTableId.set(Math.max(nextTableId.get(), checkpoint.nextTableId()));
        checkpoint.autoIncrementNext().forEach(autoIncrement::restore);
    }

    void observeReplayed(long commitTs, long maxRowId, long maxTableId) {
        clock.observe(commitTs);
        nextRowId.accumulateAndGet(maxRowId + 1, Math::max);
        nextTableId.accumulateAndGet(maxTableId + 1, Math::max);
    }

    CatalogState latestCatalog() {
        return catalogVersions.lastEntry().getValue();
    }

    // ---- lifecycle ----

    /**
     * A flush by the commit that crossed a threshold, unless one is running (it or the next takes these
     * rows). The commit is durable whatever happens here: a failed flush must not make it look failed.
     */
    private void flushAfterCommit() {
        if (!flushLock.tryLock()) {
            return;
        }
        try {
            flushConcurrently(Map.of());
            compactor.request();
        } catch (StrataException e) {
            LOG.log(System.Logger.Level.WARNING, "flush after commit failed; the log still holds every commit", e);
        } finally {
            flushLock.unlock();
        }
    }

    private void backgroundFlush() {
        if (closed || failure != null) {
            return;
        }
        try {
            flush();
        } catch (StrataException e) {
            // Nothing is lost: the log still holds every commit; the next flush (or restart) retries.
            LOG.log(System.Logger.Level.WARNING, "background flush failed", e);
        }
    }

    private void checkHealthy() {
        if (failure != null) {
            throw new StrataException(ErrorCode.ER_STORAGE_FAILURE, "the transaction node stopped after a log failure: "
                    + failure.getMessage(), failure);
        }
        if (closed) {
            throw new StrataException(ErrorCode.ER_STORAGE_FAILURE, "the transaction node is closed");
        }
    }

    private void releaseMemory() {
        tables.values().forEach(TableData::releaseAll);
        tables.clear();
        decodedBlocks.close();
        allocator.close();
    }
}
