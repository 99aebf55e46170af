package io.strata.compute.operator;

import io.strata.compute.plan.OutputColumn;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.List;

/**
 * An operator measured for EXPLAIN ANALYZE: the rows and batches it returned and the time spent in its
 * {@code next()} calls, its inputs' time included (as MySQL's EXPLAIN ANALYZE counts it). Not thread-safe,
 * like the operator it wraps.
 */
public final class ProfiledOperator implements Operator {
    private final Operator operator;
    private long rows;
    private long batches;
    private long nanos;

    public ProfiledOperator(Operator operator) {
        this.operator = operator;
    }

    @Override
    public List<OutputColumn> output() {
        return operator.output();
    }

    @Override
    public VectorSchemaRoot next() {
        long start = System.nanoTime();
        try {
            VectorSchemaRoot batch = operator.next();
            if (batch != null) {
                batches++;
                rows += batch.getRowCount();
            }
            return batch;
        } finally {
            nanos += System.nanoTime() - start;
        }
    }

    @Override
    public SelectedBatch nextSelected() {
        long start = System.nanoTime();
        try {
            SelectedBatch batch = operator.nextSelected();
            if (batch != null) {
                batches++;
                rows += batch.rowCount();
            }
            return batch;
        } finally {
            nanos += System.nanoTime() - start;
        }
    }

    @Override
    public void close() {
        operator.close();
    }

    public long rows() {
        return rows;
    }

    public long batches() {
        return batches;
    }

    public long nanos() {
        return nanos;
    }
}
