package io.strata.txn.mvcc;

import io.strata.common.type.VectorCopy;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.message.ArrowFieldNode;
import org.apache.arrow.vector.types.pojo.Field;

import java.util.ArrayList;
import java.util.List;

/**
 * Copies selected rows of source vectors into a new batch (the selection vectors MVCC filtering makes),
 * or shares all rows of them without copying.
 */
public final class RowCopier {
    private RowCopier() {}

    /**
     * A new batch of {@code fields}: column i holds {@code sources.get(i)} at {@code positions[0..count)};
     * when {@code rowIds} is not null a last BIGINT column holds {@code rowIds[0..count)}. The caller owns it.
     */
    public static VectorSchemaRoot copy(List<FieldVector> sources, int[] positions, int count, List<Field> fields,
                                        long[] rowIds, BufferAllocator allocator) {
        List<FieldVector> targets = new ArrayList<>(fields.size());
        try {
            for (int c = 0; c < sources.size(); c++) {
                FieldVector target = fields.get(c).createVector(allocator);
                targets.add(target);
                VectorCopy.gather(sources.get(c), positions, count, target, 0);
            }
            if (rowIds != null) {
                targets.add(rowIdVector(fields.get(sources.size()), rowIds, count, allocator));
            }
        } catch (RuntimeException e) {
            targets.forEach(FieldVector::close);
            throw e;
        }
        return new VectorSchemaRoot(fields, targets, count);
    }

    /**
     * {@link #copy} of all {@code count} rows of {@code sources}, sharing their buffers (reference counted,
     * so the sources may be closed or evicted from a cache while the batch lives) instead of copying them.
     * Readers of a batch never write to it. Vectors of nested types are copied.
     */
    public static VectorSchemaRoot share(List<FieldVector> sources, int count, List<Field> fields, long[] rowIds,
                                         BufferAllocator allocator) {
        int[] all = null;
        List<FieldVector> targets = new ArrayList<>(fields.size());
        try {
            for (int c = 0; c < sources.size(); c++) {
                FieldVector source = sources.get(c);
                FieldVector target = fields.get(c).createVector(allocator);
                targets.add(target);
                boolean flat = source instanceof BaseFixedWidthVector || source instanceof BaseVariableWidthVector;
                if (flat && source.getClass() == target.getClass() && source.getValueCount() == count) {
                    target.loadFieldBuffers(new ArrowFieldNode(count, source.getNullCount()), buffers(source));
                } else {
                    if (all == null) {
                        all = java.util.stream.IntStream.range(0, count).toArray();
                    }
                    VectorCopy.gather(source, all, count, target, 0);
                }
            }
            if (rowIds != null) {
                targets.add(rowIdVector(fields.get(sources.size()), rowIds, count, allocator));
            }
        } catch (RuntimeException e) {
            targets.forEach(FieldVector::close);
            throw e;
        }
        return new VectorSchemaRoot(fields, targets, count);
    }

    /** The buffers {@code loadFieldBuffers} takes, read without {@code getFieldBuffers}' writes to the source. */
    private static List<org.apache.arrow.memory.ArrowBuf> buffers(FieldVector source) {
        if (source instanceof BaseVariableWidthVector variable) {
            return List.of(variable.getValidityBuffer(), variable.getOffsetBuffer(), variable.getDataBuffer());
        }
        return List.of(source.getValidityBuffer(), source.getDataBuffer());
    }

    private static BigIntVector rowIdVector(Field field, long[] rowIds, int count, BufferAllocator allocator) {
        BigIntVector ids = (BigIntVector) field.createVector(allocator);
        try {
            ids.allocateNew(count);
            for (int i = 0; i < count; i++) {
                ids.set(i, rowIds[i]);
            }
            ids.setValueCount(count);
            return ids;
        } catch (RuntimeException e) {
            ids.close();
            throw e;
        }
    }
}
