package io.strata.txn.mvcc;

import io.strata.txn.catalog.TableDefinition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The committed state of one table on the transaction node: its current {@link TableVersion}, every
 * tombstone (row id -> delete commit ts), and the primary key index (key -> id of the latest row
 * inserted with it; that row is live unless tombstoned). Changes are made under the node's commit
 * lock; readers take consistent versions through {@link #acquire()} and give them back with
 * {@link #release}: while a version is held its objects are pinned, and a merged-away object is
 * deleted only once no one pins it ({@link #pinned}).
 */
public final class TableData {
    private volatile TableDefinition definition;        // replaced under the commit lock by index DDL
    private volatile List<UniqueIndex> uniqueIndexes;   // in definition.uniqueIndexes() order
    private final TombstoneMap tombstones = new TombstoneMap();
    private final TombstoneBits tombstoneBits = new TombstoneBits(); // a superset of tombstones' keys
    /** Rows deleted before every snapshot that is or will be (set by one thread: the compactor's). */
    private final TombstoneBits deadForAll = new TombstoneBits();
    private final Map<PrimaryKey, Long> keyIndex = new ConcurrentHashMap<>();
    /** newer row id -> {older row id with the same key, newer row's commit ts}: a version chain per key. */
    private final Map<Long, long[]> olderVersions = new ConcurrentHashMap<>();
    private final List<long[]> unflushedTombstones = new ArrayList<>(); // {rowId, ts}; under the commit lock
    private TableVersion version = TableVersion.EMPTY;                  // guarded by this
    /** The versions readers hold, by identity, with their holder counts: their objects must stay. */
    private final Map<TableVersion, Integer> heldVersions = new java.util.IdentityHashMap<>(); // guarded by this
    /** The logtail segments of {@link #version} by their first row id (a segment's ids lie in one range). */
    private final NavigableMap<Long, LogtailSegment> segmentsByRowId = new TreeMap<>(); // guarded by this

    /** A table's state; its UNIQUE indexes start empty (fill them with {@link UniqueIndex#put}). */
    public TableData(TableDefinition definition) {
        this.definition = definition;
        this.uniqueIndexes = definition.uniqueIndexes().stream().map(UniqueIndex::new).toList();
    }

    /** The UNIQUE indexes, in the order of the definition's {@code uniqueIndexes()}. */
    public List<UniqueIndex> uniqueIndexes() {
        return uniqueIndexes;
    }

    /**
     * Takes a new definition (index DDL; under the commit lock). Each UNIQUE index of {@code next} is
     * taken from {@code built} (filled from the live rows) if there, else kept as it is.
     */
    public void redefine(TableDefinition next, List<UniqueIndex> built) {
        if (next.tableId() != definition.tableId()) {
            throw new IllegalArgumentException("table " + definition.tableId() + " redefined as " + next.tableId());
        }
        List<UniqueIndex> indexes = new ArrayList<>();
        for (io.strata.txn.catalog.IndexDefinition index : next.uniqueIndexes()) {
            UniqueIndex fresh = find(built, index);
            UniqueIndex chosen = fresh != null ? fresh : find(uniqueIndexes, index);
            if (chosen == null) {
                throw new IllegalStateException("UNIQUE index " + index.name() + " of " + next.name() + " was not built");
            }
            indexes.add(chosen);
        }
        uniqueIndexes = List.copyOf(indexes);
        definition = next;
    }

    /** This table's state of the UNIQUE index {@code index} (same definition), or null if it has none. */
    public UniqueIndex uniqueIndex(io.strata.txn.catalog.IndexDefinition index) {
        return find(uniqueIndexes, index);
    }

    private static UniqueIndex find(List<UniqueIndex> indexes, io.strata.txn.catalog.IndexDefinition index) {
        return indexes.stream().filter(candidate -> candidate.definition().equals(index)).findFirst().orElse(null);
    }

    /** The id of the live committed row holding {@code key} in {@code index}, or -1. */
    public long uniqueLiveRow(UniqueIndex index, PrimaryKey key) {
        Long rowId = index.latestRow(key);
        return rowId == null || tombstones.containsKey(rowId) ? -1 : rowId;
    }

    public TableDefinition definition() {
        return definition;
    }

    public boolean hasPrimaryKey() {
        return !definition.primaryKey().isEmpty();
    }

    /**
     * The current version with its logtail segments retained and its objects pinned; give it back
     * (once) with {@link #release}.
     */
    public synchronized TableVersion acquire() {
        version.logtail().forEach(LogtailSegment::retain);
        heldVersions.merge(version, 1, Integer::sum);
        return version;
    }

    /** Gives back a version taken with {@link #acquire}: its segments and its object pin. */
    public void release(TableVersion acquired) {
        releaseObjects(acquired);
        releaseVersion(acquired);
    }

    /**
     * The current version with only its objects pinned (its logtail segments may be freed meanwhile:
     * do not read them); give it back (once) with {@link #releaseObjects}. O(1), for point lookups.
     */
    public synchronized TableVersion acquireObjects() {
        heldVersions.merge(version, 1, Integer::sum);
        return version;
    }

    public synchronized void releaseObjects(TableVersion acquired) {
        Integer left = heldVersions.computeIfPresent(acquired, (v, holders) -> holders == 1 ? null : holders - 1);
        assert left == null || left > 0 : "table version released too often";
    }

    /** Whether a reader still holds a version listing {@code objectKey} (as a data or tombstone object). */
    public synchronized boolean pinned(String objectKey) {
        for (TableVersion held : heldVersions.keySet()) {
            if (held.tombstoneObjects().contains(objectKey)
                    || held.objects().stream().anyMatch(object -> object.key().equals(objectKey))) {
                return true;
            }
        }
        return false;
    }

    public static void releaseVersion(TableVersion acquired) {
        acquired.logtail().forEach(LogtailSegment::release);
    }

    public synchronized TableVersion version() {
        return version;
    }

    public synchronized void appendLogtail(LogtailSegment segment) {
        List<LogtailSegment> logtail = new ArrayList<>(version.logtail());
        logtail.add(segment);
        int keyColumn = definition.integerKeyColumn();
        LogtailKeyZones zones = version.keyZones().covers(keyColumn, version.logtail().size())
                ? version.keyZones().plus(segment) : LogtailKeyZones.of(keyColumn, logtail);
        version = new TableVersion(version.objects(), version.tombstoneObjects(), logtail, zones);
        if (segment.rowCount() > 0) {
            segmentsByRowId.put(segment.rowIds()[0], segment);
        }
    }

    /** The logtail segment holding {@code rowId}, retained (the caller releases it), or null. */
    public synchronized LogtailSegment retainSegmentHolding(long rowId) {
        Map.Entry<Long, LogtailSegment> floor = segmentsByRowId.floorEntry(rowId);
        if (floor == null) {
            return null;
        }
        long[] rowIds = floor.getValue().rowIds();
        if (rowId > rowIds[rowIds.length - 1]) {
            return null;
        }
        floor.getValue().retain();
        return floor.getValue();
    }

    /** The id of the latest row inserted with {@code key}, live or not, or null if none ever was. */
    public Long latestRow(PrimaryKey key) {
        return keyIndex.get(key);
    }

    /** Replaces the version (after a flush); the caller releases the segments the old one held. */
    public synchronized void replaceVersion(TableVersion next) {
        int keyColumn = definition.integerKeyColumn();
        version = next.keyZones().covers(keyColumn, next.logtail().size()) ? next
                : new TableVersion(next.objects(), next.tombstoneObjects(), next.logtail(),
                        LogtailKeyZones.of(keyColumn, next.logtail()));
        segmentsByRowId.clear();
        for (LogtailSegment segment : next.logtail()) {
            if (segment.rowCount() > 0) {
                segmentsByRowId.put(segment.rowIds()[0], segment);
            }
        }
    }

    /** What {@link #tombstone} returns for a row never deleted (compare with it: snapshots may be this large too). */
    public static final long NOT_DELETED = TombstoneMap.NONE;

    /** What {@link #tombstone} may return for a row deleted before every snapshot: earlier than any of them. */
    public static final long DELETED_BEFORE_ALL = Long.MIN_VALUE;

    /**
     * The delete commit ts of {@code rowId}, {@link #DELETED_BEFORE_ALL} once {@link #markDeletedBeforeAll}
     * marked it, or {@link #NOT_DELETED}. Scans over hot keys ask this for every dead version they pass;
     * the marks answer from a bit instead of a probe into the tombstone map.
     */
    public long tombstone(long rowId) {
        if (!tombstoneBits.mayBeSet(rowId)) {
            return NOT_DELETED;
        }
        return deadForAll.mayBeSet(rowId) ? DELETED_BEFORE_ALL : tombstones.get(rowId);
    }

    /**
     * Marks rows deleted at or before the oldest snapshot any transaction holds (what
     * {@link #tombstonedAtOrBefore} returned for it): every snapshot now and later sees them deleted, and
     * row ids are never reused. One caller thread at a time (the compactor's); a reader that misses a
     * mark just made asks the map, as before.
     */
    public void markDeletedBeforeAll(long[] rowIds) {
        for (long rowId : rowIds) {
            deadForAll.set(rowId);
        }
    }

    public int tombstoneCount() {
        return tombstones.size();
    }

    public void addTombstone(long rowId, long commitTs, boolean flushed) {
        tombstoneBits.set(rowId); // before the map: a reader that finds no bit must find no entry
        tombstones.put(rowId, commitTs);
        if (!flushed) {
            unflushedTombstones.add(new long[] {rowId, commitTs});
        }
    }

    /** Tombstones committed since the last flush, in commit order; cleared by {@link #clearUnflushedTombstones}. */
    public List<long[]> unflushedTombstones() {
        return List.copyOf(unflushedTombstones);
    }

    public void clearUnflushedTombstones() {
        unflushedTombstones.clear();
    }

    /** Forgets the oldest {@code count} unflushed tombstones: a flush wrote them (under the commit lock). */
    public void dropFlushedTombstones(int count) {
        unflushedTombstones.subList(0, count).clear();
    }

    /**
     * Installs a flush of {@code flushed} (a version taken earlier, whose logtail a flush wrote as
     * {@code writtenObjects} and whose tombstones as {@code writtenTombstones}, or null): the objects it
     * listed plus the written ones, and the segments committed since. The segments written are let go
     * (the table's hold on them). Under the commit lock; no other flush or merge may have installed a
     * version since {@code flushed} was taken.
     */
    public synchronized void installFlushed(TableVersion flushed, List<DataObjectRef> writtenObjects,
                                            String writtenTombstones) {
        TableVersion current = version;
        int done = flushed.logtail().size();
        if (!current.objects().equals(flushed.objects()) || !current.tombstoneObjects().equals(flushed.tombstoneObjects())
                || current.logtail().size() < done) {
            throw new IllegalStateException("the version of table " + definition.tableId() + " changed during its flush");
        }
        for (int i = 0; i < done; i++) {
            if (current.logtail().get(i) != flushed.logtail().get(i)) {
                throw new IllegalStateException("the logtail of table " + definition.tableId() + " changed during its flush");
            }
        }
        List<LogtailSegment> since = List.copyOf(current.logtail().subList(done, current.logtail().size()));
        List<DataObjectRef> objects = new ArrayList<>(flushed.objects());
        objects.addAll(writtenObjects);
        List<String> tombstoneObjects = new ArrayList<>(flushed.tombstoneObjects());
        if (writtenTombstones != null) {
            tombstoneObjects.add(writtenTombstones);
        }
        replaceVersion(new TableVersion(objects, tombstoneObjects, since));
        flushed.logtail().forEach(LogtailSegment::release);
    }

    /** The id of the live committed row holding {@code key}, or -1. */
    public long liveRow(PrimaryKey key) {
        Long rowId = keyIndex.get(key);
        if (rowId == null || tombstones.containsKey(rowId)) {
            return -1;
        }
        // Forgetting a dropped row removes its index entry before its tombstone: if the entry is still
        // there after the tombstone check, the row was not forgotten in between.
        return rowId.equals(keyIndex.get(key)) ? rowId : liveRowAfterChange(key);
    }

    private long liveRowAfterChange(PrimaryKey key) {
        Long rowId = keyIndex.get(key);
        return rowId == null || tombstones.containsKey(rowId) ? -1 : rowId;
    }

    /**
     * Indexes a committed insert of {@code key}; when the key already named a row (deleted by now), that
     * row is remembered as the version {@code rowId} replaced, for snapshots older than {@code commitTs}.
     */
    public void indexKey(PrimaryKey key, long rowId, long commitTs) {
        Long previous = keyIndex.put(key, rowId);
        if (previous != null) {
            olderVersions.put(rowId, new long[] {previous, commitTs});
        }
    }

    /** The row that {@code rowId} replaced (same key), or null if none or no snapshot can need it any more. */
    public Long olderVersion(long rowId) {
        long[] older = olderVersions.get(rowId);
        return older == null ? null : older[0];
    }

    /** Forgets replaced versions that every snapshot at or after {@code oldestSnapshotTs} sees past. */
    public void pruneOlderVersions(long oldestSnapshotTs) {
        olderVersions.values().removeIf(older -> older[1] <= oldestSnapshotTs);
    }

    public void indexKey(PrimaryKey key, long rowId) {
        keyIndex.put(key, rowId);
    }

    /**
     * Forgets a deleted row a merge dropped from the objects (under the commit lock, once no reader
     * holds an object with it): its key index entry and UNIQUE index entries (by index name; each unless
     * a newer row took the key) and its tombstone.
     */
    public void forgetDroppedRow(PrimaryKey key, long rowId, Map<String, PrimaryKey> uniqueKeys) {
        if (key != null) {
            keyIndex.remove(key, rowId);
        }
        for (UniqueIndex index : uniqueIndexes) {
            PrimaryKey uniqueKey = uniqueKeys.get(index.definition().name());
            if (uniqueKey != null) {
                index.remove(uniqueKey, rowId);
            }
        }
        tombstones.remove(rowId);
    }

    /** The row ids of all tombstones deleted at or before {@code ts}, unsorted (a copy). */
    public long[] tombstonedAtOrBefore(long ts) {
        return tombstones.rowsDeletedAtOrBefore(ts);
    }

    /** Frees the logtail held by the current version (when the table is dropped or the node closes). */
    public synchronized void releaseAll() {
        releaseVersion(version);
        version = TableVersion.EMPTY;
        segmentsByRowId.clear();
    }
}
