package io.strata.compute.operator;

import io.strata.compute.plan.OutputColumn;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.List;

/**
 * A running physical operator that pulls batches from its inputs. Lifecycle: created by
 * {@link OperatorFactory}, {@link #next()} until it returns null, then {@link #close()} (which also
 * closes the inputs). A returned batch is owned by the operator and valid until the next call.
 */
public interface Operator extends AutoCloseable {
    List<OutputColumn> output();

    /** The next non-empty batch, or null at the end. */
    VectorSchemaRoot next();

    /**
     * The next batch with the rows of it that count, or null at the end: for consumers that read through
     * a selection vector, so that a filter below them need not copy its survivors. Call either this or
     * {@link #next()} on an operator, not both.
     */
    default SelectedBatch nextSelected() {
        VectorSchemaRoot batch = next();
        return batch == null ? null : new SelectedBatch(batch, null);
    }

    @Override
    void close();
}
