package io.strata.compute.operator;

import org.apache.arrow.vector.VectorSchemaRoot;

/** Copies all of an operator's batches into one batch the caller owns (for sort and the join's build side). */
final class Buffering {
    private Buffering() {}

    /** The bytes of Arrow memory a batch's vectors hold. */
    static long bytes(VectorSchemaRoot batch) {
        long bytes = 0;
        for (org.apache.arrow.vector.FieldVector vector : batch.getFieldVectors()) {
            bytes += vector.getBufferSize();
        }
        return bytes;
    }

    /** All rows of {@code input} in one batch, or null when it has none. */
    static VectorSchemaRoot drain(Operator input, ExecutionContext context) {
        VectorSchemaRoot buffer = null;
        try {
            VectorSchemaRoot batch;
            while ((batch = input.next()) != null) {
                Cancellation.check(context);
                if (buffer == null) {
                    buffer = VectorSchemaRoot.create(batch.getSchema(), context.allocator());
                    buffer.allocateNew();
                }
                RowCopier.append(buffer, batch);
            }
            return buffer;
        } catch (RuntimeException e) {
            if (buffer != null) {
                buffer.close();
            }
            throw e;
        }
    }
}
