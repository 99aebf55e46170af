package io.strata.txn.mvcc;

import io.strata.storage.format.BlockMeta;
import io.strata.storage.format.ColumnChunk;
import io.strata.storage.format.DataObjectReader;
import io.strata.txn.cache.PinnedColumns;
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
        Long rowId = committed.latestRow(key);
        if (rowId == null || (own != null && own.deletedCommitted(rowId))) {
            return null;
        }
        Long deletedAt = committed.tombstone(rowId);
        if (deletedAt != null && deletedAt <= snapshotTs) {
            return null;
        }
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
        LogtailSegment segment = committed.retainSegmentHolding(rowId);
        if (segment != null) {
            try {
                return segment.commitTs() <= snapshotTs;
            } finally {
                segment.release();
            }
        }
        int rowIdColumn = definition.columns().size();
        for (DataObjectRef object : committed.version().objects()) {
            DataObjectReader reader = objects.reader(object.key());
            List<BlockMeta> blocks = reader.footer().blocks();
            for (int block = 0; block < blocks.size(); block++) {
                ColumnChunk ids = blocks.get(block).columns().get(rowIdColumn);
                if (ids.min() == null || (Long) ids.min() > rowId || (Long) ids.max() < rowId) {
                    continue;
                }
                BlockRowIdCache.BlockRowIds located = rowIdCache.get(reader, block, allocator);
                int position = located.positionOf(rowId);
                if (position >= 0) {
                    return located.commitTs()[position] <= snapshotTs;
                }
            }
        }
        return true;
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
            return scanFor(key);
        }
        if (segment.commitTs() > snapshotTs) {
            return scanFor(key);
        }
        return single(segment.rows(), position, rowId);
    }

    private VectorSchemaRoot fromObjects(long rowId, PrimaryKey key) {
        TableVersion version = committed.version();
        int rowIdColumn = definition.columns().size();
        for (DataObjectRef object : version.objects()) {
            DataObjectReader reader = objects.reader(object.key());
            List<BlockMeta> blocks = reader.footer().blocks();
            for (int block = 0; block < blocks.size(); block++) {
                ColumnChunk ids = blocks.get(block).columns().get(rowIdColumn);
                if (ids.min() == null || (Long) ids.min() > rowId || (Long) ids.max() < rowId) {
                    continue;
                }
                BlockRowIdCache.BlockRowIds located = rowIdCache.get(reader, block, allocator);
                int position = located.positionOf(rowId);
                if (position < 0) {
                    continue;
                }
                if (located.commitTs()[position] > snapshotTs) {
                    return scanFor(key);
                }
                try (PinnedColumns rows = objects.pin(reader, block, columns)) {
                    return copyRow(rows.vectors(), position, rowId);
                }
            }
        }
        return scanFor(key); // not found where the index says: let the scan decide
    }

    /** The slow path: a snapshot scan of the key columns and the wanted ones, keeping the row with the key. */
    private VectorSchemaRoot scanFor(PrimaryKey key) {
        List<Integer> primaryKey = definition.primaryKey();
        int[] wanted = Arrays.copyOf(columns, columns.length + primaryKey.size());
        for (int i = 0; i < primaryKey.size(); i++) {
            wanted[columns.length + i] = primaryKey.get(i);
        }
        try (TableScan scan = new TableScan(definition, wanted, true, snapshotTs, committed, own, objects, allocator)) {
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
