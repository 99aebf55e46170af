package io.strata.txn.checkpoint;

import io.strata.storage.ObjectStore;
import io.strata.storage.format.DataObjectReader;
import io.strata.storage.format.DataObjectWriter;
import io.strata.txn.catalog.TableDefinition;
import io.strata.txn.mvcc.DataObjectRef;
import io.strata.txn.mvcc.PrimaryKey;
import io.strata.txn.mvcc.UniqueIndex;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.TransferPair;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Function;

/**
 * Builds a merge outside the commit lock: copies the rows of the input data objects into new objects,
 * leaving out rows deleted at or before {@code oldestSnapshot} (no active or future snapshot sees them),
 * and rewrites all of the table's tombstone objects into one without the tombstones of those rows. Rows
 * are written in key order when the primary key is one integer column and the inputs form at most
 * {@value #MAX_RUNS} sorted runs ({@link KeyRuns}): each new object then holds one key range, which
 * zone maps prune and later merges can rewrite alone.
 * Kept rows keep their row ids and commit timestamps, so every snapshot, the key index and tombstones
 * added meanwhile stay valid. The caller keeps the inputs pinned while this runs.
 */
public final class Merger {
    /** At most this many input blocks are read side by side to write merged objects in key order. */
    static final int MAX_RUNS = 32;
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
        TombstoneList tombstones = TombstoneList.read(tombstoneInputs, readers, allocator);
        ObjectSequence sink = new ObjectSequence(table, "merge-" + name, store, ObjectSequence.mergeObjectRows(table));
        List<MergeResult.DroppedRow> dropped = new ArrayList<>();
        try {
            copyRows(inputs, tombstones, oldestSnapshot, sink, dropped);
            List<DataObjectRef> outputs = sink.finish();
            dropped.forEach(row -> tombstones.remove(row.rowId()));
            String tombstoneOutput = null;
            if (!tombstones.isEmpty()) {
                tombstoneOutput = ObjectSequence.tablePrefix(table.tableId()) + "mtomb-" + name + ".obj";
                store.put(tombstoneOutput, tombstones.toObject(allocator));
            }
            return new MergeResult(table.tableId(), inputs, outputs, tombstoneInputs, tombstoneOutput, dropped);
        } catch (RuntimeException e) {
            sink.written().forEach(object -> store.delete(object.key())); // never referenced: safe to delete
            throw e;
        }
    }

    private void copyRows(List<DataObjectRef> inputs, TombstoneList tombstones, long oldestSnapshot,
                          ObjectSequence sink, List<MergeResult.DroppedRow> dropped) {
        int sortColumn = table.integerKeyColumn();
        List<KeyRuns.Run> runs = sortColumn < 0 ? null
                : KeyRuns.of(inputs.stream().map(DataObjectRef::key).toList(), readers, sortColumn, MAX_RUNS);
        try (VectorSchemaRoot out = VectorSchemaRoot.create(new Schema(HiddenColumns.dataObjectFields(table)), allocator)) {
            Output output = new Output(out, sink, tombstones, oldestSnapshot, dropped);
            if (runs != null) {
                mergeInKeyOrder(runs, sortColumn, output);
            } else {
                for (DataObjectRef input : inputs) {
                    DataObjectReader reader = readers.apply(input.key());
                    for (int block = 0; block < reader.footer().blocks().size(); block++) {
                        try (Source source = new Source(reader, block, out, -1)) {
                            for (int row = 0; row < source.rows.getRowCount(); row++) {
                                output.take(source, row);
                            }
                        }
                    }
                }
            }
            output.finish();
        }
    }

    /**
     * Takes the rows of {@code runs} in ascending key order (ties by row id), reading one block of each
     * run at a time: the merged objects come out sorted, each block a narrow key range.
     */
    private void mergeInKeyOrder(List<KeyRuns.Run> runs, int sortColumn, Output output) {
        PriorityQueue<Cursor> queue = new PriorityQueue<>(Math.max(1, runs.size()),
                Comparator.comparingLong(Cursor::key).thenComparingLong(Cursor::rowId));
        List<Cursor> open = new ArrayList<>(runs.size());
        try {
            for (KeyRuns.Run run : runs) {
                Cursor cursor = new Cursor(run, sortColumn, output.out);
                open.add(cursor);
                if (cursor.advanceToRow()) {
                    queue.add(cursor);
                }
            }
            while (!queue.isEmpty()) {
                Cursor cursor = queue.poll();
                output.take(cursor.source, cursor.position);
                cursor.position++;
                if (cursor.advanceToRow()) {
                    queue.add(cursor);
                }
            }
        } finally {
            open.forEach(Cursor::close);
        }
    }

    /** One input block being read: its rows, and transfers of its columns into the output batch. */
    private final class Source implements AutoCloseable {
        final VectorSchemaRoot rows;
        final BigIntVector rowIds;
        final BaseIntVector sortKeys; // null when not merging in key order
        final List<FieldVector> keyVectors;
        final List<TransferPair> pairs;

        Source(DataObjectReader reader, int block, VectorSchemaRoot out, int sortColumn) {
            int columnCount = out.getFieldVectors().size();
            int[] allColumns = new int[columnCount];
            Arrays.setAll(allColumns, i -> i);
            rows = reader.readBlock(block, allColumns, allocator);
            rowIds = (BigIntVector) rows.getVector(columnCount - 2);
            sortKeys = sortColumn < 0 ? null : (BaseIntVector) rows.getVector(sortColumn);
            keyVectors = table.primaryKey().stream().map(rows::getVector).toList();
            pairs = new ArrayList<>(columnCount);
            for (int c = 0; c < columnCount; c++) {
                pairs.add(rows.getVector(c).makeTransferPair(out.getVector(c)));
            }
        }

        @Override
        public void close() {
            rows.close();
        }
    }

    /** A run's position: its current block (read when reached) and row. */
    private final class Cursor implements AutoCloseable {
        private final KeyRuns.Run run;
        private final int sortColumn;
        private final VectorSchemaRoot out;
        private int nextBlock;
        Source source;
        int position;

        Cursor(KeyRuns.Run run, int sortColumn, VectorSchemaRoot out) {
            this.run = run;
            this.sortColumn = sortColumn;
            this.out = out;
        }

        /** Moves to the next block while the current one is used up; false once the run is. */
        boolean advanceToRow() {
            while (source == null || position >= source.rows.getRowCount()) {
                close();
                if (nextBlock == run.blocks().size()) {
                    return false;
                }
                source = new Source(run.reader(), run.blocks().get(nextBlock++), out, sortColumn);
                position = 0;
            }
            return true;
        }

        long key() {
            return source.sortKeys.getValueAsLong(position);
        }

        long rowId() {
            return source.rowIds.get(position);
        }

        @Override
        public void close() {
            if (source != null) {
                source.close();
                source = null;
            }
        }
    }

    /** The merged rows being gathered into blocks: rows deleted before every snapshot are left out. */
    private final class Output {
        final VectorSchemaRoot out;
        private final ObjectSequence sink;
        private final TombstoneList tombstones;
        private final long oldestSnapshot;
        private final List<MergeResult.DroppedRow> dropped;
        private final long[] keyHashes;
        private int filled;

        Output(VectorSchemaRoot out, ObjectSequence sink, TombstoneList tombstones, long oldestSnapshot,
               List<MergeResult.DroppedRow> dropped) {
            this.out = out;
            this.sink = sink;
            this.tombstones = tombstones;
            this.oldestSnapshot = oldestSnapshot;
            this.dropped = dropped;
            this.keyHashes = table.primaryKey().isEmpty() ? null : new long[DataObjectWriter.DEFAULT_BLOCK_ROWS];
        }

        void take(Source source, int row) {
            long rowId = source.rowIds.get(row);
            long deletedAt = tombstones.deletedAt(rowId);
            if (deletedAt != TombstoneList.NOT_DELETED && deletedAt <= oldestSnapshot) {
                dropped.add(new MergeResult.DroppedRow(rowId,
                        source.keyVectors.isEmpty() ? null : PrimaryKey.of(source.keyVectors, row),
                        uniqueKeys(source.rows, row)));
                return;
            }
            for (TransferPair pair : source.pairs) {
                pair.copyValueSafe(row, filled);
            }
            if (keyHashes != null) {
                keyHashes[filled] = PrimaryKey.of(source.keyVectors, row).hash64();
            }
            filled++;
            if (filled == DataObjectWriter.DEFAULT_BLOCK_ROWS) {
                writeBlock(out, filled, keyHashes, sink);
                filled = 0;
            }
        }

        void finish() {
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

    private Map<String, PrimaryKey> uniqueKeys(VectorSchemaRoot rows, int row) {
        Map<String, PrimaryKey> keys = new HashMap<>();
        for (io.strata.txn.catalog.IndexDefinition index : table.uniqueIndexes()) {
            PrimaryKey key = UniqueIndex.keyOf(index, rows, row);
            if (key != null) {
                keys.put(index.name(), key);
            }
        }
        return keys;
    }
}
