package io.strata.compute.operator;

import org.apache.arrow.vector.VectorSchemaRoot;

/** Copies all of an operator's batches into one batch the caller owns (for sort and the join's build side). */
final class Buffering {
    private Buffering() {}

    /**
     * The bytes of Arrow memory a batch's vectors take: their buffers' capacity, which a growing batch doubles
     * (0 for null).
     */
    static long capacity(VectorSchemaRoot batch) {
        if (batch == null) {
            return 0;
        }
        long bytes = 0;
        for (org.apache.arrow.vector.FieldVector vector : batch.getFieldVectors()) {
            for (org.apache.arrow.memory.ArrowBuf buffer : vector.getBuffers(false)) {
                bytes += buffer.capacity();
            }
        }
        return bytes;
    }

    /** The bytes of Arrow memory a batch's values fill. */
    static long bytes(VectorSchemaRoot batch) {
        long bytes = 0;
        for (org.apache.arrow.vector.FieldVector vector : batch.getFieldVectors()) {
            bytes += vector.getBufferSize();
        }
        return bytes;
    }

    /**
     * {@code buffer} with the rows of {@code batch} appended; a new buffer (the caller's) when
     * {@code buffer} is null.
     */
    static VectorSchemaRoot appended(VectorSchemaRoot buffer, VectorSchemaRoot batch, ExecutionContext context) {
        if (buffer != null) {
            RowCopier.append(buffer, batch);
            return buffer;
        }
        VectorSchemaRoot created = VectorSchemaRoot.create(batch.getSchema(), context.allocator());
        try {
            created.allocateNew();
            RowCopier.append(created, batch);
            return created;
        } catch (RuntimeException e) {
            created.close();
            throw e;
        }
    }

    /** All rows of {@code input} in one batch, or null when it has none. */
    static VectorSchemaRoot drain(Operator input, ExecutionContext context) {
        VectorSchemaRoot buffer = null;
        try {
            VectorSchemaRoot batch;
            while ((batch = input.next()) != null) {
                Cancellation.check(context);
                buffer = appended(buffer, batch, context);
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
