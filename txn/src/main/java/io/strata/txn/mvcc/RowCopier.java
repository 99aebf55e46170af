package io.strata.txn.mvcc;

import io.strata.common.type.VectorCopy;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;

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
                VectorCopy.gather(sources.get(c), positions, count, target, 0);
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
}
