package io.strata.compute.operator;

import io.strata.common.type.ArrowTypes;
import io.strata.compute.plan.OutputColumn;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;

import java.util.List;

/**
 * Reads a hash join's right input: into memory while it fits ({@link #hashed} then makes the table), else
 * into {@link SpillPartitions} by the hash of its keys (a grace hash join, when there are keys to split by
 * and partitioning has not gone as deep as it goes), else into one file that is joined a block at a time
 * ({@link BlockNestedLoopJoin}). The memory a build holds is its Arrow bytes plus
 * {@link #TABLE_BYTES_PER_ROW} of heap per row for the table, reserved from the statement's memory.
 */
final class JoinBuildSide implements AutoCloseable {
    /** Rough heap bytes per build row besides its Arrow data: chain link, key objects, map entry. */
    static final long TABLE_BYTES_PER_ROW = 64;
    static final int MAX_DEPTH = 4;

    private final Operator right;
    private final JoinKeys keys;
    private final ExecutionContext context;
    private final int depth;
    private RowBuffer rows;              // the rows while they fit, handed over by hashed()
    private SpillPartitions partitions;  // or every row by key hash
    private SpillFiles blocks;           // or every row in one file (the left side's goes there too)
    private int blockFile = -1;
    private List<Field> fields;

    JoinBuildSide(Operator right, JoinKeys keys, ExecutionContext context, int depth) {
        this.right = right;
        this.keys = keys;
        this.context = context;
        this.depth = depth;
    }

    /**
     * Reads the whole right input; true when it is all in memory, false when its rows outgrew
     * {@code thresholdBytes} (or the statement's memory) and went to disk. {@code canSpill} false keeps
     * everything in memory until the statement's limit fails it.
     */
    boolean read(long thresholdBytes, boolean canSpill) {
        rows = new RowBuffer(context, "hash join build", batch -> batch.getRowCount() * TABLE_BYTES_PER_ROW);
        VectorSchemaRoot batch;
        while ((batch = right.next()) != null) {
            Cancellation.check(context);
            if (fields == null) {
                fields = batch.getSchema().getFields();
            }
            if (spilled()) {
                spill(batch);
                continue;
            }
            rows.append(batch);
            if (canSpill && rows.outgrown(thresholdBytes)) {
                startSpilling();
            }
        }
        return !spilled();
    }

    boolean spilled() {
        return partitions != null || blocks != null;
    }

    /** The rows in memory and their hash table, now the caller's to close. */
    SharedBuilds.Build hashed(boolean longKeys) {
        RowBuffer held = rows;
        rows = null;
        try {
            return new SharedBuilds.Build(held, new JoinHashTable(held.rows(), keys.right(), keys.nullSafe(), longKeys));
        } catch (RuntimeException e) {
            held.close();
            throw e;
        }
    }

    private void startSpilling() {
        if (keys.left().length > 0 && depth < MAX_DEPTH) {
            partitions = new SpillPartitions(context, "join", depth);
        } else {
            blocks = new SpillFiles(context, "join");
            blockFile = blocks.create();
        }
        VectorSchemaRoot held = rows.rows();
        if (partitions != null) {
            partition(held, keys.right(), partitions, context); // copies out a partition's rows a chunk at a time
            rows.clear();
            return;
        }
        for (int start = 0; start < held.getRowCount(); start += SpillPartitions.BATCH_ROWS) {
            int length = Math.min(SpillPartitions.BATCH_ROWS, held.getRowCount() - start);
            int[] range = new int[length];
            for (int i = 0; i < length; i++) {
                range[i] = start + i;
            }
            try (VectorSchemaRoot part = RowCopier.select(held, range, length, context.allocator())) {
                blocks.append(blockFile, part);
            }
        }
        rows.clear();
    }

    private void spill(VectorSchemaRoot batch) {
        if (partitions != null) {
            partition(batch, keys.right(), partitions, context);
        } else {
            blocks.append(blockFile, batch);
        }
    }

    /** The partitions of the right rows (once {@link #read} returned false by key), or null. */
    SpillPartitions partitions() {
        return partitions;
    }

    /** The file of the right rows (once {@link #read} returned false without partitioning), or null. */
    SpillFiles blocks() {
        return blocks;
    }

    int blockFile() {
        return blockFile;
    }

    /** The fields of the rows as read (of {@code output} when no row came). */
    List<Field> fields(List<OutputColumn> output) {
        return fields != null ? fields : fieldsOf(output);
    }

    static List<Field> fieldsOf(List<OutputColumn> columns) {
        return columns.stream().map(c -> ArrowTypes.field(c.name(), c.type(), true)).toList();
    }

    /** Appends each row of {@code batch} to its partition of {@code parts}, by the hash of its key. */
    static void partition(VectorSchemaRoot batch, int[] keyColumns, SpillPartitions parts, ExecutionContext context) {
        int rowCount = batch.getRowCount();
        if (rowCount == 0) {
            return;
        }
        // NULL hashes as a value here: rows with NULL keys still go to a partition (outer joins keep them)
        int[] hashes = JoinHashTable.keys(batch, keyColumns, null).hashes();
        parts.append(batch, hashes, null, context.allocator());
    }

    /** Closes the rows still held and the files (an operator that took them over has them closed here too). */
    @Override
    public void close() {
        if (rows != null) {
            rows.close();
            rows = null;
        }
        if (partitions != null) {
            partitions.close();
            partitions = null;
        }
        if (blocks != null) {
            blocks.close();
            blocks = null;
        }
    }
}
