package io.strata.txn.mvcc;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.util.TransferPair;

import java.util.ArrayList;
import java.util.List;

/**
 * A scan's output batch being filled row by row from several sources (many small logtail segments
 * become one batch instead of many tiny ones). Columns are {@code fields}; with a row id, the last one
 * is the BIGINT row id. Lifecycle: {@link #append} rows, then {@link #finish} or {@link #close}.
 */
final class OutputBatch implements AutoCloseable {
    private final List<Field> fields;
    private final List<FieldVector> targets;
    private final BigIntVector rowIds; // null without a row id column
    private int count;

    OutputBatch(List<Field> fields, boolean withRowId, BufferAllocator allocator) {
        this.fields = fields;
        this.targets = new ArrayList<>(fields.size());
        for (Field field : fields) {
            FieldVector vector = field.createVector(allocator);
            targets.add(vector);
            vector.allocateNew();
        }
        this.rowIds = withRowId ? (BigIntVector) targets.get(targets.size() - 1) : null;
    }

    /** Copiers from {@code sources} (the data columns, in output order) into this batch. */
    List<TransferPair> copiersFrom(List<FieldVector> sources) {
        List<TransferPair> pairs = new ArrayList<>(sources.size());
        for (int c = 0; c < sources.size(); c++) {
            pairs.add(sources.get(c).makeTransferPair(targets.get(c)));
        }
        return pairs;
    }

    void append(List<TransferPair> copiers, int position, long rowId) {
        for (TransferPair copier : copiers) {
            copier.copyValueSafe(position, count);
        }
        if (rowIds != null) {
            rowIds.setSafe(count, rowId);
        }
        count++;
    }

    int count() {
        return count;
    }

    /** The filled batch; ownership passes to the caller. */
    VectorSchemaRoot finish() {
        for (FieldVector target : targets) {
            target.setValueCount(count);
        }
        return new VectorSchemaRoot(fields, targets, count);
    }

    @Override
    public void close() {
        targets.forEach(FieldVector::close);
    }
}
