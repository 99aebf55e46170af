package io.strata.compute.operator;

import io.strata.common.type.VectorCopy;
import io.strata.compute.expression.Column;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The group key values of a hash aggregate, one row per group in group order: the row that opened
 * each group is copied from its batch's key vectors into vectors of the same types (so a string
 * group shows its first value), with no object per group.
 */
final class GroupKeyVectors implements AutoCloseable {
    private final int[] keyColumns;
    private final BufferAllocator allocator;
    private FieldVector[] vectors;
    private int rows;

    GroupKeyVectors(int[] keyColumns, BufferAllocator allocator) {
        this.keyColumns = keyColumns.clone();
        this.allocator = allocator;
    }

    /** Appends rows {@code positions[0..count)} of {@code batch}'s key columns, as the next groups. */
    void append(VectorSchemaRoot batch, int[] positions, int count) {
        if (count == 0) {
            return;
        }
        if (vectors == null) {
            vectors = new FieldVector[keyColumns.length];
            for (int k = 0; k < keyColumns.length; k++) {
                vectors[k] = batch.getVector(keyColumns[k]).getField().createVector(allocator);
            }
        }
        for (int k = 0; k < keyColumns.length; k++) {
            VectorCopy.gather(batch.getVector(keyColumns[k]), positions, count, vectors[k], rows);
        }
        rows += count;
    }

    int rows() {
        return rows;
    }

    /** Buffer capacity held (what the allocator counts). */
    long bytes() {
        long total = 0;
        if (vectors != null) {
            for (FieldVector vector : vectors) {
                for (org.apache.arrow.memory.ArrowBuf buffer : vector.getBuffers(false)) {
                    total += buffer.capacity();
                }
            }
        }
        return total;
    }

    /** Key {@code k} of every group, or null when no group was opened. */
    Column column(int k) {
        return vectors == null ? null : Column.read(vectors[k], rows);
    }

    @Override
    public void close() {
        if (vectors != null) {
            for (FieldVector vector : vectors) {
                vector.close();
            }
            vectors = null;
        }
    }
}
