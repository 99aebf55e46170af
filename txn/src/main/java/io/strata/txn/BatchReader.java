package io.strata.txn;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A stream of Arrow batches. {@link #next()} returns a batch owned by the reader and valid until the
 * next call or {@link #close()}; it returns null at the end. The caller must not close the batch.
 */
public interface BatchReader extends AutoCloseable {
    VectorSchemaRoot next();

    @Override
    void close();
}
