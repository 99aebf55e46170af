package io.strata.compute.operator;

import org.apache.arrow.vector.VectorSchemaRoot;

/** One growing batch of an operator's rows (a sort's, a window's, a join build's: {@link RowBuffer}), and its size. */
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
}
