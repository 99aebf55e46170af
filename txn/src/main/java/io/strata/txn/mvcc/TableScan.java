package io.strata.txn.mvcc;

import io.strata.common.type.ArrowTypes;
import io.strata.common.type.DataType;
import io.strata.storage.format.DataObjectReader;
import io.strata.txn.cache.PinnedColumns;
import io.strata.txn.BatchReader;
import io.strata.txn.TableSnapshot;
import io.strata.txn.catalog.ColumnDefinition;
import io.strata.txn.catalog.TableDefinition;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.util.TransferPair;

import java.util.ArrayList;
import java.util.List;

/**
 * A snapshot scan of one table: flushed objects, then logtail segments, then the transaction's own
 * inserts; each row kept if committed at or before the snapshot, not tombstoned at the snapshot and not
 * deleted by the transaction. Emits batches of at most {@value #BATCH_ROWS} rows.
 */
public final class TableScan implements BatchReader {
    public static final int BATCH_ROWS = 8192;

    private final int[] columns;
    private final boolean withRowId;
    private final long snapshotTs;
    private final TableData committed;   // null if the table has no committed state yet
    private final TableVersion version;  // acquired; null with committed
    private final TableWrites own;       // null if the transaction did not write the table
    private final int ownBatchLimit;     // batches inserted after the scan began are not read (INSERT ... SELECT)
    private final ObjectBlocks objects;
    private final BufferAllocator allocator;
    private final List<Field> outputFields;
    private final ZonePruner pruner; // null without ranges
    private final List<io.strata.txn.ColumnRange> ranges;
    private final int[] rangeColumns;    // the columns (table indexes) of ranges that the scan reads
    private final int keyColumn;         // the table's integer key column, or -1
    private final long[] keyBounds;      // the ranges' integer bounds on keyColumn, or null
    private boolean keyFiltered;        // skip objects whose key filter denies keyHash
    private long keyHash;
    private boolean keyHasText;
    private int partition;              // this scan reads blocks and segments whose ordinal % partitions == partition
    private int partitions = 1;
    private long blockOrdinal;          // blocks met so far, over all objects
    private long prunedBlocks;
    private long prunedSegments;
    private long blocksRead;
    private int objectIndex;
    private int blockIndex;
    private int segmentIndex;
    private int ownIndex;
    private int offset;
    private VectorSchemaRoot current;
    private boolean closed;

    public TableScan(TableDefinition definition, int[] columns, boolean withRowId, long snapshotTs, TableData committed,
                     TableWrites own, ObjectBlocks objects, BufferAllocator allocator) {
        this(definition, columns, withRowId, snapshotTs, committed, own, objects, allocator, List.of());
    }

    /** A scan that may skip object blocks whose zone maps show no row inside {@code ranges}. */
    public TableScan(TableDefinition definition, int[] columns, boolean withRowId, long snapshotTs, TableData committed,
                     TableWrites own, ObjectBlocks objects, BufferAllocator allocator,
                     List<io.strata.txn.ColumnRange> ranges) {
        this.pruner = ranges.isEmpty() ? null : new ZonePruner(definition, ranges);
        this.keyColumn = definition.integerKeyColumn();
        this.keyBounds = pruner == null || keyColumn < 0 ? null : pruner.integerBounds(keyColumn);
        this.ranges = List.copyOf(ranges);
        this.columns = columns.clone();
        this.rangeColumns = java.util.Arrays.stream(columns)
                .filter(column -> ranges.stream().anyMatch(range -> range.column() == column)).distinct().toArray();
        this.withRowId = withRowId;
        this.snapshotTs = snapshotTs;
        this.committed = committed;
        this.version = committed == null ? null : committed.acquire();
        this.own = own;
        this.ownBatchLimit = own == null ? 0 : own.batches().size();
        this.objects = objects;
        this.allocator = allocator;
        this.outputFields = outputFields(definition, columns, withRowId);
    }

    /**
     * Makes this (not yet read) scan skip every data object whose key filter denies {@code key}: for scans
     * looking for one primary key. Skipped objects count as pruned blocks.
     */
    public TableScan onlyObjectsMayContain(PrimaryKey key) {
        if (objectIndex != 0 || blockIndex != 0) {
            throw new IllegalStateException("the scan already started");
        }
        this.keyFiltered = true;
        this.keyHash = key.hash64();
        this.keyHasText = key.hasText();
        return this;
    }

    /**
     * Makes this (not yet read) scan read only its part of the rows: every {@code partitions}-th object block
     * and logtail segment starting at the {@code partition}-th, and the transaction's own inserts in part 0.
     * The parts of one snapshot are disjoint and cover every row.
     */
    public TableScan partition(int partition, int partitions) {
        if (partitions < 1 || partition < 0 || partition >= partitions) {
            throw new IllegalArgumentException("partition " + partition + " of " + partitions);
        }
        if (objectIndex != 0 || blockIndex != 0 || segmentIndex != 0) {
            throw new IllegalStateException("the scan already started");
        }
        this.partition = partition;
        this.partitions = partitions;
        return this;
    }

    private boolean mine(long ordinal) {
        return ordinal % partitions == partition;
    }

    /** The fields a scan of {@code columns} returns: the columns' fields, then the row id if asked. */
    static List<Field> outputFields(TableDefinition definition, int[] columns, boolean withRowId) {
        List<Field> fields = new ArrayList<>();
        for (int column : columns) {
            ColumnDefinition col = definition.columns().get(column);
            fields.add(ArrowTypes.field(col.name(), col.type(), col.nullable()));
        }
        if (withRowId) {
            fields.add(ArrowTypes.field(TableSnapshot.ROW_ID_COLUMN, DataType.BIGINT, false));
        }
        return List.copyOf(fields);
    }

    /** Object blocks read so far. */
    public long blocksRead() {
        return blocksRead;
    }

    /** Logtail segments skipped by their zone maps so far. */
    public long prunedSegments() {
        return prunedSegments;
    }

    /** Object blocks skipped by zone maps so far. */
    public long prunedBlocks() {
        return prunedBlocks;
    }

    @Override
    public VectorSchemaRoot next() {
        if (closed) {
            throw new IllegalStateException("scan is closed");
        }
        closeCurrent();
        while (version != null && objectIndex < version.objects().size()) {
            VectorSchemaRoot batch = nextFromObject();
            if (batch != null) {
                current = batch;
                return batch;
            }
        }
        current = nextFromMemory();
        return current;
    }

    /** Up to {@value #BATCH_ROWS} visible rows gathered from logtail segments, then the workspace; null at the end. */
    private VectorSchemaRoot nextFromMemory() {
        OutputBatch out = new OutputBatch(outputFields, withRowId, allocator);
        try {
            while (out.count() < BATCH_ROWS) {
                if (version != null && segmentIndex < version.logtail().size()) {
                    if (mine(segmentIndex)) {
                        fillFromLogtail(out, version.logtail().get(segmentIndex));
                    } else {
                        segmentIndex++;
                    }
                } else if (ownIndex < ownBatchLimit && partition == 0) {
                    fillFromWorkspace(out, own.batches().get(ownIndex));
                } else {
                    break;
                }
            }
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
        if (out.count() == 0) {
            out.close();
            return null;
        }
        return out.finish();
    }

    private void fillFromLogtail(OutputBatch out, LogtailSegment segment) {
        if (offset == 0 && keyBounds != null
                && version.keyZones().excludes(keyColumn, segmentIndex, keyBounds[0], keyBounds[1])) {
            prunedSegments++;
        } else if (offset == 0 && pruner != null && segment.rowCount() > 0 && !pruner.mayMatch(segment.zones())) {
            prunedSegments++;
        } else if (segment.commitTs() <= snapshotTs) {
            List<TransferPair> copiers = null;
            long[] rowIds = segment.rowIds();
            RangeSelector[] selectors = RangeSelector.of(ranges, columns, i -> segment.rows().getVector(columns[i]));
            while (offset < segment.rowCount() && out.count() < BATCH_ROWS) {
                if (RangeSelector.all(selectors, offset) && visible(rowIds[offset])) {
                    if (copiers == null) {
                        copiers = out.copiersFrom(selectColumns(segment.rows()));
                    }
                    out.append(copiers, offset, rowIds[offset]);
                }
                offset++;
            }
            if (offset < segment.rowCount()) {
                return; // the batch is full; continue this segment next time
            }
        }
        segmentIndex++;
        offset = 0;
    }

    private void fillFromWorkspace(OutputBatch out, WorkspaceBatch batch) {
        List<TransferPair> copiers = null;
        int rows = batch.rows().getRowCount();
        while (offset < rows && out.count() < BATCH_ROWS) {
            if (!batch.deleted().get(offset)) {
                if (copiers == null) {
                    copiers = out.copiersFrom(selectColumns(batch.rows()));
                }
                out.append(copiers, offset, batch.firstRowId() + offset);
            }
            offset++;
        }
        if (offset >= rows) {
            ownIndex++;
            offset = 0;
        }
    }

    private VectorSchemaRoot nextFromObject() {
        DataObjectReader reader = objects.reader(version.objects().get(objectIndex).key());
        if (blockIndex == 0 && keyFiltered && !reader.mightContainKey(keyHash, keyHasText)) {
            prunedBlocks += reader.footer().blocks().size();
            blockIndex = reader.footer().blocks().size();
        }
        if (blockIndex >= reader.footer().blocks().size()) {
            objectIndex++;
            blockIndex = 0;
            return null;
        }
        if (!mine(blockOrdinal++)) {
            blockIndex++;
            return null;
        }
        if (pruner != null && !pruner.mayMatch(reader.footer().blocks().get(blockIndex))) {
            blockIndex++;
            prunedBlocks++;
            return null;
        }
        int tableColumns = reader.footer().schema().size() - 2; // then __rowid, __commit_ts
        blocksRead++;
        int[] candidates = null;
        if (rangeColumns.length > 0) {
            // The range's columns first: small flushed objects span every key, yet most hold none in a short range.
            try (PinnedColumns keys = objects.pin(reader, blockIndex, rangeColumns)) {
                candidates = RangeSelector.candidates(
                        RangeSelector.of(ranges, rangeColumns, keys::vector, keys::ascending), keys.rowCount());
            }
            if (candidates.length == 0) {
                blockIndex++;
                return null;
            }
        }
        int[] wanted = new int[columns.length + 2];
        System.arraycopy(columns, 0, wanted, 0, columns.length);
        wanted[columns.length] = tableColumns;
        wanted[columns.length + 1] = tableColumns + 1;
        try (PinnedColumns block = objects.pin(reader, blockIndex++, wanted)) {
            BigIntVector rowIds = (BigIntVector) block.vector(columns.length);
            BigIntVector commitTs = (BigIntVector) block.vector(columns.length + 1);
            int rows = block.rowCount();
            int candidateCount = candidates == null ? rows : candidates.length;
            int[] positions = new int[candidateCount];
            long[] ids = new long[candidateCount];
            int count = 0;
            if (rowIds.getValueCount() < rows || commitTs.getValueCount() < rows) {
                throw new IllegalStateException("a block's row ids or commit times are shorter than the block");
            }
            long idAddress = rowIds.getDataBuffer().memoryAddress(); // read as memory: this loop runs per row
            long commitAddress = commitTs.getDataBuffer().memoryAddress();
            for (int k = 0; k < candidateCount; k++) {
                int i = candidates == null ? k : candidates[k];
                long rowId = MemoryUtil.getLong(idAddress + (long) i * Long.BYTES);
                if (MemoryUtil.getLong(commitAddress + (long) i * Long.BYTES) <= snapshotTs && visible(rowId)) {
                    positions[count] = i;
                    ids[count++] = rowId;
                }
            }
            // The pinned vectors are shared with other readers: copy or share, never transfer.
            if (count == rows && rows > 0) {
                return RowCopier.share(block.vectors().subList(0, columns.length), count, outputFields,
                        withRowId ? ids : null, allocator);
            }
            return emit(block.vectors().subList(0, columns.length), positions, ids, count);
        }
    }

    private boolean visible(long rowId) {
        if (own != null && own.deletedCommitted(rowId)) {
            return false;
        }
        long deletedAt = committed.tombstone(rowId);
        return deletedAt == TableData.NOT_DELETED || deletedAt > snapshotTs; // snapshots may be Long.MAX_VALUE
    }

    private List<FieldVector> selectColumns(VectorSchemaRoot rows) {
        List<FieldVector> sources = new ArrayList<>(columns.length);
        for (int column : columns) {
            sources.add(rows.getVector(column));
        }
        return sources;
    }

    private VectorSchemaRoot emit(List<FieldVector> sources, int[] positions, long[] ids, int count) {
        if (count == 0) {
            return null;
        }
        return RowCopier.copy(sources, positions, count, outputFields, withRowId ? ids : null, allocator);
    }

    private void closeCurrent() {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeCurrent();
        if (version != null) {
            committed.release(version);
        }
    }
}
