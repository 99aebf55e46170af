package io.strata.compute.operator;

import io.strata.common.type.VectorCopy;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.TransferPair;

import java.util.ArrayList;
import java.util.List;

/** Moves rows between batches: gathers selected rows, appends batches, shares slices without copying. */
final class RowCopier {
    private RowCopier() {}

    /** An empty batch of the given fields (the caller closes it). */
    static VectorSchemaRoot allocate(List<Field> fields, BufferAllocator allocator) {
        VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(fields), allocator);
        root.allocateNew();
        return root;
    }

    /** A new batch with {@code source}'s schema holding {@code source}'s rows {@code rows[0..count)}. */
    static VectorSchemaRoot select(VectorSchemaRoot source, int[] rows, int count, BufferAllocator allocator) {
        return gather(source.getSchema().getFields(), source.getFieldVectors(), rows, count, allocator);
    }

    /**
     * A new batch of {@code fields}, column {@code c} taken from {@code vectors.get(c)} at
     * {@code rows[i]} (a negative row gives NULL).
     */
    static VectorSchemaRoot gather(List<Field> fields, List<FieldVector> vectors, int[] rows, int count,
                                   BufferAllocator allocator) {
        List<FieldVector> out = new ArrayList<>(fields.size());
        try {
            for (int c = 0; c < fields.size(); c++) {
                FieldVector target = fields.get(c).createVector(allocator);
                out.add(target);
                copyRows(vectors.get(c), rows, count, target);
            }
        } catch (RuntimeException e) {
            out.forEach(FieldVector::close);
            throw e;
        }
        return new VectorSchemaRoot(fields, out, count);
    }

    /** Fills the freshly created {@code target} with {@code from}'s rows {@code rows[0..count)} (null {@code from}: NULLs). */
    static void copyRows(FieldVector from, int[] rows, int count, FieldVector target) {
        if (from == null) {
            target.setInitialCapacity(Math.max(count, 1));
            target.allocateNew();
            for (int i = 0; i < count; i++) {
                target.setNull(i);
            }
            target.setValueCount(count);
            return;
        }
        VectorCopy.gather(from, rows, count, target, 0);
    }

    /** Appends all rows of {@code source} to {@code target}, whose columns are of the same types. */
    static void append(VectorSchemaRoot target, VectorSchemaRoot source) {
        int base = target.getRowCount();
        int count = source.getRowCount();
        for (int c = 0; c < source.getFieldVectors().size(); c++) {
            VectorCopy.copyRange(source.getVector(c), 0, count, target.getVector(c), base);
        }
        target.setRowCount(base + count);
    }

    /** Rows {@code [start, start + length)} of {@code source} as a new batch of {@code fields}, sharing buffers. */
    static VectorSchemaRoot slice(VectorSchemaRoot source, List<Field> fields, int start, int length,
                                  BufferAllocator allocator) {
        List<FieldVector> out = new ArrayList<>(fields.size());
        try {
            for (int c = 0; c < fields.size(); c++) {
                TransferPair pair = source.getVector(c).getTransferPair(fields.get(c), allocator);
                pair.splitAndTransfer(start, length);
                out.add((FieldVector) pair.getTo());
            }
        } catch (RuntimeException e) {
            out.forEach(FieldVector::close);
            throw e;
        }
        return new VectorSchemaRoot(fields, out, length);
    }
}
