package io.strata.txn.checkpoint;

import io.strata.storage.ObjectStore;
import io.strata.storage.format.DataObjectWriter;
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
 * Writes one table's logtail into a data object and its new tombstones into a tombstone object, and
 * returns the version that lists them instead of the logtail. The caller holds the commit lock, writes
 * the checkpoint, then installs the version. Rows are regrouped into full blocks, since logtail
 * segments are often one row each.
 */
public final class Flusher {
    private Flusher() {}

    public static TableVersion flush(TableData table, long lsn, ObjectStore store, BufferAllocator allocator) {
        TableVersion version = table.version();
        long tableId = table.definition().tableId();
        List<DataObjectRef> objects = new ArrayList<>(version.objects());
        List<String> tombstoneObjects = new ArrayList<>(version.tombstoneObjects());
        if (!version.logtail().isEmpty()) {
            ObjectSequence sink = new ObjectSequence(table.definition(), "data-%020d".formatted(lsn), store);
            writeLogtail(table, version.logtail(), sink, allocator);
            objects.addAll(sink.finish());
        }
        List<long[]> tombstones = table.unflushedTombstones();
        if (!tombstones.isEmpty()) {
            String key = String.format("tables/%d/tomb-%020d.obj", tableId, lsn);
            store.put(key, tombstoneObject(tombstones, allocator));
            tombstoneObjects.add(key);
        }
        return new TableVersion(objects, tombstoneObjects, List.of());
    }

    private static void writeLogtail(TableData table, List<LogtailSegment> logtail, ObjectSequence writer,
                                     BufferAllocator allocator) {
        List<Integer> primaryKey = table.definition().primaryKey();
        List<Field> fields = new ArrayList<>(logtail.get(0).rows().getSchema().getFields());
        int tableColumns = fields.size();
        fields.add(HiddenColumns.ROW_ID_FIELD);
        fields.add(HiddenColumns.COMMIT_TS_FIELD);
        try (VectorSchemaRoot block = VectorSchemaRoot.create(new Schema(fields), allocator)) {
            BigIntVector rowIds = (BigIntVector) block.getVector(tableColumns);
            BigIntVector commitTs = (BigIntVector) block.getVector(tableColumns + 1);
            int filled = 0;
            long[] keyHashes = primaryKey.isEmpty() ? null : new long[DataObjectWriter.DEFAULT_BLOCK_ROWS];
            for (LogtailSegment segment : logtail) {
                List<FieldVector> keyVectors = primaryKey.stream().map(segment.rows()::getVector).toList();
                List<TransferPair> pairs = new ArrayList<>(tableColumns);
                for (int c = 0; c < tableColumns; c++) {
                    pairs.add(segment.rows().getVector(c).makeTransferPair(block.getVector(c)));
                }
                for (int row = 0; row < segment.rowCount(); row++) {
                    for (TransferPair pair : pairs) {
                        pair.copyValueSafe(row, filled);
                    }
                    rowIds.setSafe(filled, segment.rowIds()[row]);
                    commitTs.setSafe(filled, segment.commitTs());
                    if (keyHashes != null) {
                        keyHashes[filled] = PrimaryKey.of(keyVectors, row).hash64();
                    }
                    filled++;
                    if (filled == DataObjectWriter.DEFAULT_BLOCK_ROWS) {
                        block.setRowCount(filled);
                        writer.write(block, keyHashes);
                        block.getFieldVectors().forEach(FieldVector::reset);
                        filled = 0;
                    }
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
        DataObjectWriter writer = new DataObjectWriter(HiddenColumns.TOMBSTONE_FIELDS, DataObjectWriter.DEFAULT_BLOCK_ROWS);
        try (VectorSchemaRoot batch = VectorSchemaRoot.create(
                new Schema(HiddenColumns.TOMBSTONE_FIELDS), allocator)) {
            BigIntVector rowIds = (BigIntVector) batch.getVector(0);
            BigIntVector commitTs = (BigIntVector) batch.getVector(1);
            rowIds.allocateNew(tombstones.size());
            commitTs.allocateNew(tombstones.size());
            for (int i = 0; i < tombstones.size(); i++) {
                rowIds.set(i, tombstones.get(i)[0]);
                commitTs.set(i, tombstones.get(i)[1]);
            }
            batch.setRowCount(tombstones.size());
            writer.write(batch);
        }
        return writer.finish();
    }
}
