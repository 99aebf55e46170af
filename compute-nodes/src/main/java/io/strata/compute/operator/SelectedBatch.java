package io.strata.compute.operator;

import io.strata.compute.expression.ExpressionEvaluator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A batch and the rows of it that count: a filter's survivors named by a selection vector instead of
 * copied into a new batch. {@code selection} null means every row. Valid, like the batch, until the
 * producer's next call.
 */
public record SelectedBatch(VectorSchemaRoot batch, ExpressionEvaluator.Selection selection) {
    /** How many rows count. */
    public int rowCount() {
        return selection == null ? batch.getRowCount() : selection.count();
    }
}
