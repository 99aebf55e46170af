package io.strata.compute.operator;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The batch an operator last returned and owns: replacing it closes the previous one, as the
 * {@link Operator} contract lets a batch live only until the next call.
 */
final class OutputBatch implements AutoCloseable {
    private VectorSchemaRoot current;

    VectorSchemaRoot replace(VectorSchemaRoot next) {
        close();
        current = next;
        return next;
    }

    @Override
    public void close() {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
