package io.strata.txn.mvcc;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.util.TransferPair;

import java.util.ArrayList;
import java.util.List;

/** Copies selected rows of source vectors into a new batch (the selection vectors MVCC filtering makes). */
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
                allocate(sources.get(c), target, positions, count);
                TransferPair pair = sources.get(c).makeTransferPair(target);
                for (int i = 0; i < count; i++) {
                    pair.copyValueSafe(positions[i], i);
                }
                target.setValueCount(count);
            }
            if (rowIds != null) {
                BigIntVector ids = (BigIntVector) fields.get(sources.size()).createVector(allocator);
                targets.add(ids);
                ids.allocateNew(count);
                for (int i = 0; i < count; i++) {
                    ids.set(i, rowIds[i]);
                }
                ids.setValueCount(count);
            }
        } catch (RuntimeException e) {
            targets.forEach(FieldVector::close);
            throw e;
        }
        return new VectorSchemaRoot(fields, targets, count);
    }

    /**
     * Room for {@code count} values; a variable-width target gets the selected values' bytes at once, as
     * growing it value by value reallocates (and copies) its data buffer several times per batch.
     */
    private static void allocate(FieldVector source, FieldVector target, int[] positions, int count) {
        if (source instanceof BaseVariableWidthVector variable && target instanceof BaseVariableWidthVector into) {
            long bytes = 0;
            for (int i = 0; i < count; i++) {
                bytes += variable.getValueLength(positions[i]);
            }
            into.allocateNew(Math.max(1, bytes), Math.max(1, count));
        } else {
            target.setInitialCapacity(count);
            target.allocateNew();
        }
    }
}
