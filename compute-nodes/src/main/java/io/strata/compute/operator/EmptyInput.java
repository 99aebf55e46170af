package io.strata.compute.operator;

import io.strata.compute.plan.OutputColumn;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.List;

/** An input without rows, of the given columns (a spill partition that got none, a join's last pass). */
record EmptyInput(List<OutputColumn> output) implements Operator {
    @Override
    public VectorSchemaRoot next() {
        return null;
    }

    @Override
    public void close() {
    }
}
