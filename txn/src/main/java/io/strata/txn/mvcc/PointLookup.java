package io.strata.txn.mvcc;

import io.strata.storage.format.BlockMeta;
import io.strata.storage.format.ColumnChunk;
import io.strata.storage.format.DataObjectReader;
import io.strata.txn.cache.PinnedColumns;
import io.strata.txn.catalog.IndexDefinition;
import io.strata.txn.catalog.TableDefinition;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the row a snapshot sees for one primary key without scanning: the workspace's own key map, then
 * the table's key index gives the latest row id for the key, found in the logtail (by row id range) or
 * in an object block (by the row id zone map). Any older row with the key was deleted no later than
 * the latest one was inserted, so if the latest row was committed at or before the snapshot it decides
 * alone; when it is newer than the snapshot the lookup falls back to a filtered scan.
 */
public final class PointLookup {
    /** Versions of one key a lookup walks back through before it falls back to a scan. */
    private static final int MAX_VERSION_HOPS = 64;
    /** Marks a row committed after the snapshot (compared by identity, never returned to callers). */
    private static final VectorSchemaRoot TOO_NEW = new VectorSchemaRoot(List.of(), List.of(), 0);
    /** Marks a row not found where the index said it was: a scan decides (by identity, never returned). */
    private static final VectorSchemaRoot MISSING = new VectorSchemaRoot(List.of(), List.of(), 0);
    private final TableDefinition definition;
    private final int[] columns;
    private final boolean withRowId;
    private final long snapshotTs;
    private final TableData committed;
    private final TableWrites own;
    private final ObjectBlocks objects;
    private final BlockRowIdCache rowIdCache;
    private final BufferAllocator allocator;
    private final List<Field> outputFields;

    public PointLookup(TableDefinition definition, int[] columns, boolean withRowId, long snapshotTs, TableData committed,
                       TableWrites own, ObjectBlocks objects, BlockRowIdCache rowIdCache,
                       BufferAllocator allocator) {
        this.rowIdCache = rowIdCache;
        this.definition = definition;
        this.columns = columns.clone();
        this.withRowId = withRowId;
        this.snapshotTs = snapshotTs;
        this.committed = committed;
        this.own = own;
        this.objects = objects;
        this.allocator = allocator;
        this.outputFields = TableScan.outputFields(definition, columns, withRowId);
    }

    /** The one visible row with {@code key} as a batch the caller closes, or null if none. */
    public VectorSchemaRoot find(PrimaryKey key) {
        if (own != null) {
            Long ownRow = own.insertedKeyRow(key);
            if (ownRow != null) {
                return fromWorkspace(ownRow);
            }
        }
        if (committed == null) {
            return null;
        }
        // Newest version first; a version committed after the snapshot hands over to the one it replaced.
        Long rowId = committed.latestRow(key);
        for (int hops = 0; rowId != null && hops < MAX_VERSION_HOPS; hops++) {
            if (own != null && own.deletedCommitted(rowId)) {
                return null;
            }
            long deletedAt = committed.tombstone(rowId);
            if (deletedAt != TableData.NOT_DELETED && deletedAt <= snapshotTs) {
                return null;
            }
            VectorSchemaRoot row = read(rowId, key);
            if (row == MISSING) {
                return scanFor(definition.primaryKey(), key, true);
            }
            if (row != TOO_NEW) {
                return row;
            }
            rowId = committed.olderVersion(rowId);
        }
        // No older version: the key did not exist at the snapshot (versions an active snapshot may need are
        // kept). Past the hop bound, the scan decides.
        return rowId == null ? null : scanFor(definition.primaryKey(), key, true);
    }

    /**
     * The one visible row whose key in the UNIQUE {@code index} (the {@code position}-th of the definition's)
     * is {@code key}, or null. {@code state} is the index's committed state (null if the table has none now):
     * the row inserted last with each key, kept until no snapshot can see it. At most one row holds a key at
     * a time and rows never come back, so a latest row committed at or before the snapshot decides alone,
     * and no entry means no row; when the latest row is newer than the snapshot, or the index state was
     * built after it (dropped and made again), a scan decides.
     */
    public VectorSchemaRoot findUnique(IndexDefinition index, int position, UniqueIndex state, PrimaryKey key) {
        if (own != null) {
            Long ownRow = own.insertedUniqueRow(position, key);
            if (ownRow != null) {
                return fromWorkspace(ownRow);
            }
        }
        if (committed == null) {
            return null;
        }
        if (state == null || !state.answersSnapshot(snapshotTs)) {
            return scanFor(index.columns(), key, false);
        }
        Long rowId = state.latestRow(key);
        if (rowId == null || (own != null && own.deletedCommitted(rowId))) {
            return null;
        }
        long deletedAt = committed.tombstone(rowId);
        if (deletedAt != TableData.NOT_DELETED && deletedAt <= snapshotTs) {
            return null;
        }
        VectorSchemaRoot row = read(rowId, null);
        return row == TOO_NEW || row == MISSING ? scanFor(index.columns(), key, false) : row;
    }

    /**
     * The row {@code rowId} as a batch; {@link #TOO_NEW} when it was committed after the snapshot, {@link #MISSING}
     * when it is not where it should be. {@code key} (the primary key, or null) lets objects' key filters prune.
     */
    private VectorSchemaRoot read(long rowId, PrimaryKey key) {
        LogtailSegment segment = committed.retainSegmentHolding(rowId);
        if (segment != null) {
            try {
                return fromSegment(segment, rowId, key);
            } finally {
                segment.release();
            }
        }
        return fromObjects(rowId, key);
    }

    /**
     * Whether the committed row {@code rowId} was committed at or before the snapshot. A row the index
     * names but that cannot be found is taken as old (visible): the callers then report a duplicate key.
     */
    public boolean committedRowVisible(long rowId) {
        return committedRowVisible(rowId, null);
    }

    /** Like {@link #committedRowVisible(long)}, skipping objects whose key filter denies {@code key} (if not null). */
    public boolean committedRowVisible(long rowId, PrimaryKey key) {
        LogtailSegment segment = committed.retainSegmentHolding(rowId);
        if (segment != null) {
            try {
                return segment.commitTs() <= snapshotTs;
            } finally {
                segment.release();
            }
        }
        TableVersion version = committed.acquireObjects();
        try {
            Located located = locate(version, rowId, key);
            return located == null || located.commitTs() <= snapshotTs;
        } finally {
            committed.releaseObjects(version);
        }
    }

    /** Where a row lies in a data object, and its commit ts. */
    private record Located(DataObjectReader reader, int block, int position, long commitTs) {}

    /**
     * The object block holding {@code rowId}, found by row id zone maps (after the key filter if a key is
     * given, and the key's zone maps when it is one integer: objects in key order have blocks of narrow key
     * ranges, while their row id ranges are wide), or null.
     */
    private Located locate(TableVersion version, long rowId, PrimaryKey key) {
        int rowIdColumn = definition.columns().size();
        long keyHash = key == null ? 0 : key.hash64();
        boolean keyHasText = key != null && key.hasText();
        int keyColumn = key == null ? -1 : definition.integerKeyColumn();
        if (keyColumn >= 0 && !isLong(key.values().get(0))) {
            keyColumn = -1;
        }
        long keyValue = keyColumn < 0 ? 0 : ((Number) key.values().get(0)).longValue();
        for (DataObjectRef object : version.objects()) {
            DataObjectReader reader = objects.reader(object.key());
            if (key != null && !reader.mightContainKey(keyHash, keyHasText)) {
                continue;
            }
            List<BlockMeta> blocks = reader.footer().blocks();
            for (int block = 0; block < blocks.size(); block++) {
                List<ColumnChunk> chunks = blocks.get(block).columns();
                if (keyColumn >= 0 && !mayHold(chunks.get(keyColumn), keyValue)) {
                    continue;
                }
                ColumnChunk ids = chunks.get(rowIdColumn);
                if (ids.min() == null || (Long) ids.min() > rowId || (Long) ids.max() < rowId) {
                    continue;
                }
                BlockRowIdCache.BlockRowIds located = rowIdCache.get(reader, block, allocator);
                int position = located.positionOf(rowId);
                if (position >= 0) {
                    return new Located(reader, block, position, located.commitTs()[position]);
                }
            }
        }
        return null;
    }

    /** False only when the integer zone map of {@code chunk} excludes {@code value}. */
    private static boolean mayHold(ColumnChunk chunk, long value) {
        if (!isLong(chunk.min()) || !isLong(chunk.max())) {
            return true; // no zone map, or bounds a long does not hold: cannot tell
        }
        return ((Number) chunk.min()).longValue() <= value && value <= ((Number) chunk.max()).longValue();
    }

    /** Whether {@code value} is an integer that a long holds exactly. */
    private static boolean isLong(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte;
    }

    private VectorSchemaRoot fromWorkspace(long rowId) {
        for (WorkspaceBatch batch : own.batches()) {
            if (batch.holds(rowId)) {
                return single(batch.rows(), (int) (rowId - batch.firstRowId()), rowId);
            }
        }
        throw new IllegalStateException("workspace key points at missing row " + rowId);
    }

    private VectorSchemaRoot fromSegment(LogtailSegment segment, long rowId, PrimaryKey key) {
        int position = Arrays.binarySearch(segment.rowIds(), rowId);
        if (position < 0) {
            return MISSING;
        }
        if (segment.commitTs() > snapshotTs) {
            return TOO_NEW;
        }
        return single(segment.rows(), position, rowId);
    }

    private VectorSchemaRoot fromObjects(long rowId, PrimaryKey key) {
        TableVersion version = committed.acquireObjects();
        try {
            Located located = locate(version, rowId, key);
            if (located == null) {
                return MISSING; // not where the index says: let the scan decide
            }
            if (located.commitTs() > snapshotTs) {
                return TOO_NEW;
            }
            try (PinnedColumns rows = objects.pin(located.reader(), located.block(), columns)) {
                return copyRow(rows.vectors(), located.position(), rowId);
            }
        } finally {
            committed.releaseObjects(version);
        }
    }

    /**
     * The slow path: a snapshot scan of the key columns and the wanted ones, keeping the row with the key
     * ({@code keyColumns}' values); objects' key filters prune only for the {@code primary} key.
     */
    private VectorSchemaRoot scanFor(List<Integer> keyColumns, PrimaryKey key, boolean primary) {
        int[] wanted = Arrays.copyOf(columns, columns.length + keyColumns.size());
        for (int i = 0; i < keyColumns.size(); i++) {
            wanted[columns.length + i] = keyColumns.get(i);
        }
        TableScan unfiltered = new TableScan(definition, wanted, true, snapshotTs, committed, own, objects, allocator);
        try (TableScan scan = primary ? unfiltered.onlyObjectsMayContain(key) : unfiltered) {
            VectorSchemaRoot batch;
            while ((batch = scan.next()) != null) {
                List<FieldVector> keyVectors = batch.getFieldVectors().subList(columns.length, wanted.length);
                BigIntVector rowIds = (BigIntVector) batch.getVector(wanted.length);
                for (int row = 0; row < batch.getRowCount(); row++) {
                    if (PrimaryKey.of(keyVectors, row).equals(key)) {
                        return copyRow(batch.getFieldVectors().subList(0, columns.length), row, rowIds.get(row));
                    }
                }
            }
        }
        return null;
    }

    private VectorSchemaRoot single(VectorSchemaRoot rows, int position, long rowId) {
        List<FieldVector> sources = new ArrayList<>(columns.length);
        for (int column : columns) {
            sources.add(rows.getVector(column));
        }
        return copyRow(sources, position, rowId);
    }

    private VectorSchemaRoot copyRow(List<FieldVector> sources, int position, long rowId) {
        return RowCopier.copy(sources, new int[] {position}, 1, outputFields, withRowId ? new long[] {rowId} : null,
                allocator);
    }
}
