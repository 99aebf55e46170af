package io.strata.compute.operator;

import io.strata.compute.plan.OutputColumn;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;

import java.util.Arrays;
import java.util.List;

/**
 * Rows an operator spilled by the hash of their keys into {@value #COUNT} partition files, and each
 * partition read back as an operator's input. At recursion depth d a row goes by the d-th four bits of
 * its mixed hash, so a partition that is partitioned again spreads over all new partitions. Rows are copied
 * out at most {@value #BATCH_ROWS} at a time, so that spilling a large buffer (all of one partition, when
 * its keys are equal) takes little memory besides it.
 */
final class SpillPartitions implements AutoCloseable {
    static final int COUNT = 16;
    static final int BATCH_ROWS = 1024;

    private final SpillFiles files;
    private final int depth;
    private final int[] fileOf = new int[COUNT];
    private List<Field> fields;

    SpillPartitions(ExecutionContext context, String kind, int depth) {
        this.files = new SpillFiles(context, kind);
        this.depth = depth;
        Arrays.fill(fileOf, -1);
    }

    /** The partition of a key hash at this depth. */
    int partitionOf(int hash) {
        int mixed = hash * 0x9E3779B9;
        mixed ^= mixed >>> 16;
        return (mixed >>> (28 - 4 * depth)) & (COUNT - 1);
    }

    /** Appends row i of {@code batch} (the caller still owns it) for every i with {@code spilled[i]}, by {@code hashes[i]}. */
    void append(VectorSchemaRoot batch, int[] hashes, boolean[] spilled, BufferAllocator allocator) {
        int rowCount = batch.getRowCount();
        int[][] rows = new int[COUNT][];
        int[] counts = new int[COUNT];
        for (int i = 0; i < rowCount; i++) {
            if (spilled != null && !spilled[i]) {
                continue;
            }
            int partition = partitionOf(hashes[i]);
            if (rows[partition] == null) {
                rows[partition] = new int[rowCount];
            }
            rows[partition][counts[partition]++] = i;
        }
        if (fields == null) {
            fields = batch.getSchema().getFields();
        }
        for (int partition = 0; partition < COUNT; partition++) {
            if (counts[partition] == 0) {
                continue;
            }
            if (fileOf[partition] < 0) {
                fileOf[partition] = files.create();
            }
            for (int start = 0; start < counts[partition]; start += BATCH_ROWS) {
                int length = Math.min(BATCH_ROWS, counts[partition] - start);
                int[] chunk = start == 0 && length == counts[partition] ? rows[partition]
                        : java.util.Arrays.copyOfRange(rows[partition], start, start + length);
                try (VectorSchemaRoot selected = RowCopier.select(batch, chunk, length, allocator)) {
                    files.append(fileOf[partition], selected);
                }
            }
        }
    }

    /** Ends writing: every file's buffer is given back, and nothing more is appended. */
    void finishWriting() {
        for (int partition = 0; partition < COUNT; partition++) {
            if (fileOf[partition] >= 0) {
                files.finishWriting(fileOf[partition]);
            }
        }
    }

    boolean isEmpty(int partition) {
        return fileOf[partition] < 0;
    }

    /** Partition {@code partition}'s rows as an input with {@code output}'s columns (no rows if it got none). */
    Operator read(int partition, List<OutputColumn> output, BufferAllocator allocator) {
        if (isEmpty(partition)) {
            return new EmptyInput(output);
        }
        return new SpilledRowsOperator(output, files, fileOf[partition], fields, allocator);
    }

    @Override
    public void close() {
        files.close();
    }
}
