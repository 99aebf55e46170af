package io.strata.txn.checkpoint;

import io.strata.storage.ObjectStore;
import io.strata.storage.format.DataObjectReader;
import io.strata.storage.format.DataObjectWriter;
import io.strata.txn.catalog.TableDefinition;
import io.strata.txn.mvcc.DataObjectRef;
import io.strata.txn.mvcc.PrimaryKey;
import io.strata.txn.mvcc.UniqueIndex;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.TransferPair;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds a merge outside the commit lock: copies the rows of the input data objects into new objects,
 * leaving out rows deleted at or before {@code oldestSnapshot} (no active or future snapshot sees them),
 * and rewrites all of the table's tombstone objects into one without the tombstones of those rows.
 * Kept rows keep their row ids and commit timestamps, so every snapshot, the key index and tombstones
 * added meanwhile stay valid. The caller keeps the inputs pinned while this runs.
 */
public final class Merger {
    private final TableDefinition table;
    private final ObjectStore store;
    private final Function<String, DataObjectReader> readers;
    private final BufferAllocator allocator;

    public Merger(TableDefinition table, ObjectStore store, Function<String, DataObjectReader> readers,
                  BufferAllocator allocator) {
        this.table = table;
        this.store = store;
        this.readers = readers;
        this.allocator = allocator;
    }

    /** Writes the merged objects, named {@code merge-<name>-<nnnn>.obj} and {@code mtomb-<name>.obj}. */
    public MergeResult merge(List<DataObjectRef> inputs, List<String> tombstoneInputs, long oldestSnapshot, String name) {
        Map<Long, Long> tombstones = readTombstones(tombstoneInputs);
        ObjectSequence sink = new ObjectSequence(table, "merge-" + name, store);
        List<MergeResult.DroppedRow> dropped = new ArrayList<>();
        try {
            copyRows(inputs, tombstones, oldestSnapshot, sink, dropped);
            List<DataObjectRef> outputs = sink.finish();
            dropped.forEach(row -> tombstones.remove(row.rowId()));
            String tombstoneOutput = null;
            if (!tombstones.isEmpty()) {
                List<long[]> left = new ArrayList<>(tombstones.size());
                tombstones.forEach((rowId, ts) -> left.add(new long[] {rowId, ts}));
                left.sort((a, b) -> Long.compare(a[0], b[0]));
                tombstoneOutput = ObjectSequence.tablePrefix(table.tableId()) + "mtomb-" + name + ".obj";
                store.put(tombstoneOutput, Flusher.tombstoneObject(left, allocator));
            }
            return new MergeResult(table.tableId(), inputs, outputs, tombstoneInputs, tombstoneOutput, dropped);
        } catch (RuntimeException e) {
            sink.written().forEach(object -> store.delete(object.key())); // never referenced: safe to delete
            throw e;
        }
    }

    private Map<Long, Long> readTombstones(List<String> keys) {
        Map<Long, Long> tombstones = new HashMap<>();
        for (String key : keys) {
            DataObjectReader reader = readers.apply(key);
            for (int block = 0; block < reader.footer().blocks().size(); block++) {
                try (VectorSchemaRoot rows = reader.readBlock(block, new int[] {0, 1}, allocator)) {
                    BigIntVector rowIds = (BigIntVector) rows.getVector(0);
                    BigIntVector commitTs = (BigIntVector) rows.getVector(1);
                    for (int i = 0; i < rows.getRowCount(); i++) {
                        tombstones.put(rowIds.get(i), commitTs.get(i));
                    }
                }
            }
        }
        return tombstones;
    }

    private void copyRows(List<DataObjectRef> inputs, Map<Long, Long> tombstones, long oldestSnapshot,
                          ObjectSequence sink, List<MergeResult.DroppedRow> dropped) {
        List<Integer> primaryKey = table.primaryKey();
        int columnCount = HiddenColumns.dataObjectFields(table).size();
        int rowIdColumn = columnCount - 2;
        int[] allColumns = new int[columnCount];
        Arrays.setAll(allColumns, i -> i);
        long[] keyHashes = primaryKey.isEmpty() ? null : new long[DataObjectWriter.DEFAULT_BLOCK_ROWS];
        try (VectorSchemaRoot out = VectorSchemaRoot.create(new Schema(HiddenColumns.dataObjectFields(table)), allocator)) {
            int filled = 0;
            for (DataObjectRef input : inputs) {
                DataObjectReader reader = readers.apply(input.key());
                for (int block = 0; block < reader.footer().blocks().size(); block++) {
                    try (VectorSchemaRoot rows = reader.readBlock(block, allColumns, allocator)) {
                        BigIntVector rowIds = (BigIntVector) rows.getVector(rowIdColumn);
                        List<FieldVector> keyVectors = primaryKey.stream().map(rows::getVector).toList();
                        List<TransferPair> pairs = new ArrayList<>(columnCount);
                        for (int c = 0; c < columnCount; c++) {
                            pairs.add(rows.getVector(c).makeTransferPair(out.getVector(c)));
                        }
                        for (int row = 0; row < rows.getRowCount(); row++) {
                            long rowId = rowIds.get(row);
                            Long deletedAt = tombstones.get(rowId);
                            if (deletedAt != null && deletedAt <= oldestSnapshot) {
                                dropped.add(new MergeResult.DroppedRow(rowId,
                                        keyVectors.isEmpty() ? null : PrimaryKey.of(keyVectors, row), uniqueKeys(rows, row)));
                                continue;
                            }
                            for (TransferPair pair : pairs) {
                                pair.copyValueSafe(row, filled);
                            }
                            if (keyHashes != null) {
                                keyHashes[filled] = PrimaryKey.of(keyVectors, row).hash64();
                            }
                            filled++;
                            if (filled == DataObjectWriter.DEFAULT_BLOCK_ROWS) {
                                writeBlock(out, filled, keyHashes, sink);
                                filled = 0;
                            }
                        }
                    }
                }
            }
            if (filled > 0) {
                writeBlock(out, filled, keyHashes, sink);
            }
        }
    }

    private static void writeBlock(VectorSchemaRoot out, int filled, long[] keyHashes, ObjectSequence sink) {
        out.setRowCount(filled);
        sink.write(out, keyHashes == null ? null
                : filled == keyHashes.length ? keyHashes.clone() : Arrays.copyOf(keyHashes, filled));
        out.getFieldVectors().forEach(FieldVector::reset);
    }

    private java.util.Map<String, PrimaryKey> uniqueKeys(VectorSchemaRoot rows, int row) {
        java.util.Map<String, PrimaryKey> keys = new HashMap<>();
        for (io.strata.txn.catalog.IndexDefinition index : table.uniqueIndexes()) {
            PrimaryKey key = UniqueIndex.keyOf(index, rows, row);
            if (key != null) {
                keys.put(index.name(), key);
            }
        }
        return keys;
    }
}
