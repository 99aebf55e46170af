package io.strata.txn.checkpoint;

import io.strata.storage.ObjectStore;
import io.strata.storage.format.DataObjectWriter;
import io.strata.txn.catalog.TableDefinition;
import io.strata.txn.mvcc.DataObjectRef;
import io.strata.txn.mvcc.LogtailSegment;
import io.strata.txn.mvcc.PrimaryKey;
import io.strata.txn.mvcc.TableData;
import io.strata.txn.mvcc.TableVersion;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.TransferPair;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes one table's logtail into data objects and its new tombstones into a tombstone object. Rows
 * are regrouped into full blocks, since logtail segments are often one row each, and written in primary
 * key order when the key is one integer column ({@link KeyOrder#logtailOrder}), so that each block
 * covers a narrow key range that zone maps can prune on.
 */
public final class Flusher {
    private Flusher() {}

    /** What {@link #write} stored: new data objects, and the new tombstone object's key (null if none). */
    public record Written(List<DataObjectRef> dataObjects, String tombstoneObject) {
        /** Every key written, for deleting them if no checkpoint comes to list them. */
        public List<String> keys() {
            List<String> keys = new ArrayList<>();
            dataObjects.forEach(object -> keys.add(object.key()));
            if (tombstoneObject != null) {
                keys.add(tombstoneObject);
            }
            return keys;
        }
    }

    /**
     * The version listing the objects the table's current logtail and unflushed tombstones are written to,
     * instead of the logtail. The caller holds the commit lock, writes the checkpoint, then installs it.
     */
    public static TableVersion flush(TableData table, long lsn, ObjectStore store, BufferAllocator allocator) {
        TableVersion version = table.version();
        Written written = write(table.definition(), version.logtail(), table.unflushedTombstones(), lsn, store, allocator);
        return withWritten(version, written, List.of());
    }

    /**
     * Writes {@code logtail} and {@code tombstones} ({rowId, commit ts} each) of a table as objects named
     * after {@code lsn}. Needs no lock: the segments must stay retained by the caller meanwhile.
     */
    public static Written write(TableDefinition definition, List<LogtailSegment> logtail, List<long[]> tombstones,
                                long lsn, ObjectStore store, BufferAllocator allocator) {
        ObjectSequence sink = new ObjectSequence(definition, "data-%020d".formatted(lsn), store);
        List<DataObjectRef> objects = List.of();
        String tombstoneKey = null;
        try {
            if (!logtail.isEmpty()) {
                writeLogtail(definition, logtail, sink, allocator);
                objects = sink.finish();
            }
            if (!tombstones.isEmpty()) {
                tombstoneKey = String.format("tables/%d/tomb-%020d.obj", definition.tableId(), lsn);
                store.put(tombstoneKey, tombstoneObject(tombstones, allocator));
            }
        } catch (RuntimeException e) {
            sink.written().forEach(object -> store.delete(object.key())); // listed nowhere yet
            throw e;
        }
        return new Written(objects, tombstoneKey);
    }

    /** {@code flushed} with the written objects added to its object lists and {@code logtail} as its logtail. */
    public static TableVersion withWritten(TableVersion flushed, Written written, List<LogtailSegment> logtail) {
        List<DataObjectRef> objects = new ArrayList<>(flushed.objects());
        objects.addAll(written.dataObjects());
        List<String> tombstoneObjects = new ArrayList<>(flushed.tombstoneObjects());
        if (written.tombstoneObject() != null) {
            tombstoneObjects.add(written.tombstoneObject());
        }
        return new TableVersion(objects, tombstoneObjects, logtail);
    }

    private static void writeLogtail(TableDefinition definition, List<LogtailSegment> logtail, ObjectSequence writer,
                                     BufferAllocator allocator) {
        List<Integer> primaryKey = definition.primaryKey();
        List<Field> fields = new ArrayList<>(logtail.get(0).rows().getSchema().getFields());
        int tableColumns = fields.size();
        fields.add(HiddenColumns.ROW_ID_FIELD);
        fields.add(HiddenColumns.COMMIT_TS_FIELD);
        try (VectorSchemaRoot block = VectorSchemaRoot.create(new Schema(fields), allocator)) {
            BigIntVector rowIds = (BigIntVector) block.getVector(tableColumns);
            BigIntVector commitTs = (BigIntVector) block.getVector(tableColumns + 1);
            int filled = 0;
            long[] keyHashes = primaryKey.isEmpty() ? null : new long[DataObjectWriter.DEFAULT_BLOCK_ROWS];
            List<List<FieldVector>> keyVectors = new ArrayList<>(logtail.size());
            List<List<TransferPair>> pairs = new ArrayList<>(logtail.size());
            for (LogtailSegment segment : logtail) {
                keyVectors.add(primaryKey.stream().map(segment.rows()::getVector).toList());
                List<TransferPair> segmentPairs = new ArrayList<>(tableColumns);
                for (int c = 0; c < tableColumns; c++) {
                    segmentPairs.add(segment.rows().getVector(c).makeTransferPair(block.getVector(c)));
                }
                pairs.add(segmentPairs);
            }
            for (long ref : KeyOrder.logtailOrder(logtail, definition.integerKeyColumn())) {
                int s = (int) (ref >>> 32);
                int row = (int) ref;
                LogtailSegment segment = logtail.get(s);
                for (TransferPair pair : pairs.get(s)) {
                    pair.copyValueSafe(row, filled);
                }
                rowIds.setSafe(filled, segment.rowIds()[row]);
                commitTs.setSafe(filled, segment.commitTs());
                if (keyHashes != null) {
                    keyHashes[filled] = PrimaryKey.of(keyVectors.get(s), row).hash64();
                }
                filled++;
                if (filled == DataObjectWriter.DEFAULT_BLOCK_ROWS) {
                    block.setRowCount(filled);
                    writer.write(block, keyHashes);
                    block.getFieldVectors().forEach(FieldVector::reset);
                    filled = 0;
                }
            }
            if (filled > 0) {
                block.setRowCount(filled);
                writer.write(block, keyHashes == null ? null : java.util.Arrays.copyOf(keyHashes, filled));
            }
        }
    }

    /** A tombstone object of {@code tombstones}, each {rowId, delete commit ts}. */
    public static byte[] tombstoneObject(List<long[]> tombstones, BufferAllocator allocator) {
        long[] rowIds = new long[tombstones.size()];
        long[] commitTs = new long[tombstones.size()];
        for (int i = 0; i < rowIds.length; i++) {
            rowIds[i] = tombstones.get(i)[0];
            commitTs[i] = tombstones.get(i)[1];
        }
        return tombstoneObject(rowIds, commitTs, allocator);
    }

    /** A tombstone object of the rows {@code rowIds[i]} deleted at {@code commitTs[i]}. */
    static byte[] tombstoneObject(long[] rowIds, long[] commitTs, BufferAllocator allocator) {
        DataObjectWriter writer = new DataObjectWriter(HiddenColumns.TOMBSTONE_FIELDS, DataObjectWriter.DEFAULT_BLOCK_ROWS);
        try (VectorSchemaRoot batch = VectorSchemaRoot.create(
                new Schema(HiddenColumns.TOMBSTONE_FIELDS), allocator)) {
            BigIntVector ids = (BigIntVector) batch.getVector(0);
            BigIntVector timestamps = (BigIntVector) batch.getVector(1);
            ids.allocateNew(rowIds.length);
            timestamps.allocateNew(rowIds.length);
            for (int i = 0; i < rowIds.length; i++) {
                ids.set(i, rowIds[i]);
                timestamps.set(i, commitTs[i]);
            }
            batch.setRowCount(rowIds.length);
            writer.write(batch);
        }
        return writer.finish();
    }
}
