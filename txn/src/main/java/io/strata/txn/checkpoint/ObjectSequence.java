package io.strata.txn.checkpoint;

import io.strata.storage.ObjectStore;
import io.strata.storage.format.DataObjectWriter;
import io.strata.txn.catalog.TableDefinition;
import io.strata.txn.mvcc.DataObjectRef;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.ArrayList;
import java.util.List;

/**
 * The data objects one flush or merge writes for a table: a new object every {@value #MAX_OBJECT_ROWS}
 * rows (merges of key-ordered tables: {@link #mergeObjectRows}), so that an object (built in memory)
 * stays a few tens of megabytes even when one commit loaded millions of rows. Objects are named {@code tables/<id>/<name>-<nnnn>.obj}; {@code name} must be unique
 * per table (the flush's LSN, or a merge's sequence number).
 */
public final class ObjectSequence {
    public static final long MAX_OBJECT_ROWS = 64L * DataObjectWriter.DEFAULT_BLOCK_ROWS;
    /**
     * Merges of a key-ordered table ({@link KeyOrder}) roll objects this often: each then holds one narrow
     * key range, so the range where updates concentrate is rewritten alone when its dead rows pile up,
     * not the whole table with it.
     */
    public static final long KEY_ORDERED_MERGE_ROWS = 8L * DataObjectWriter.DEFAULT_BLOCK_ROWS;

    private final TableDefinition table;
    private final String name;
    private final ObjectStore store;
    private final List<DataObjectRef> written = new ArrayList<>();
    private final int sortColumn; // -1: rows are written as given
    private final long maxObjectRows;
    private DataObjectWriter writer;

    /** A flush's objects: a new one every {@value #MAX_OBJECT_ROWS} rows. */
    public ObjectSequence(TableDefinition table, String name, ObjectStore store) {
        this(table, name, store, MAX_OBJECT_ROWS);
    }

    /** Objects of at most about {@code maxObjectRows} rows (whole blocks). */
    public ObjectSequence(TableDefinition table, String name, ObjectStore store, long maxObjectRows) {
        this.table = table;
        this.name = name;
        this.store = store;
        this.sortColumn = table.integerKeyColumn();
        this.maxObjectRows = maxObjectRows;
    }

    /** How many rows a merge of {@code table} puts in one object. */
    public static long mergeObjectRows(TableDefinition table) {
        return table.integerKeyColumn() >= 0 ? KEY_ORDERED_MERGE_ROWS : MAX_OBJECT_ROWS;
    }

    /** The prefix under which every object of table {@code tableId} lies. */
    public static String tablePrefix(long tableId) {
        return "tables/" + tableId + "/";
    }

    /**
     * Appends a block (table columns, then row id and commit ts); {@code keyHashes} one per row, or null
     * without a key. With a single integer primary key the block's rows are written in key order ({@link KeyOrder}).
     */
    public void write(VectorSchemaRoot block, long[] keyHashes) {
        int[] order = sortColumn < 0 ? null : KeyOrder.order(block, sortColumn);
        if (order != null) {
            try (VectorSchemaRoot sorted = KeyOrder.reorder(block, order)) {
                writeInOrder(sorted, KeyOrder.reorder(keyHashes, order));
            }
        } else {
            writeInOrder(block, keyHashes);
        }
    }

    private void writeInOrder(VectorSchemaRoot block, long[] keyHashes) {
        if (writer == null) {
            writer = new DataObjectWriter(HiddenColumns.dataObjectFields(table), DataObjectWriter.DEFAULT_BLOCK_ROWS);
        }
        if (keyHashes == null) {
            writer.write(block);
        } else {
            writer.write(block, keyHashes);
        }
        if (writer.rowCount() >= maxObjectRows) {
            putCurrent();
        }
    }

    /** Puts the last object and returns all written, in order. */
    public List<DataObjectRef> finish() {
        if (writer != null) {
            putCurrent();
        }
        return List.copyOf(written);
    }

    /** The objects put so far (to delete them if the caller gives up). */
    public List<DataObjectRef> written() {
        return List.copyOf(written);
    }

    private void putCurrent() {
        String key = String.format("%s%s-%04d.obj", tablePrefix(table.tableId()), name, written.size());
        long rows = writer.rowCount();
        store.put(key, writer.finish());
        written.add(new DataObjectRef(key, rows));
        writer = null;
    }
}
