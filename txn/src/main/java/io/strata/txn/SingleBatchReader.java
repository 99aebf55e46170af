package io.strata.txn;

import org.apache.arrow.vector.VectorSchemaRoot;

/** A {@link BatchReader} of at most one batch, which it owns. */
final class SingleBatchReader implements BatchReader {
    private VectorSchemaRoot batch;
    private boolean returned;

    /** Takes ownership of {@code batch} (null for an empty result). */
    SingleBatchReader(VectorSchemaRoot batch) {
        this.batch = batch;
    }

    @Override
    public VectorSchemaRoot next() {
        if (returned) {
            close();
            return null;
        }
        returned = true;
        return batch;
    }

    @Override
    public void close() {
        if (batch != null) {
            batch.close();
            batch = null;
        }
    }
}
