package io.strata.compute.operator;

import io.strata.compute.plan.OutputColumn;
import io.strata.compute.plan.PhysicalNode;
import io.strata.txn.BatchReader;
import io.strata.txn.ColumnRange;
import org.apache.arrow.vector.VectorSchemaRoot;


import java.util.List;

/** Reads a table snapshot's batches; they are the reader's and are passed on without copying. */
final class ScanOperator implements Operator {
    private final PhysicalNode.Scan plan;
    private final ExecutionContext context;
    private BatchReader reader;

    ScanOperator(PhysicalNode.Scan plan, ExecutionContext context) {
        this.plan = plan;
        this.context = context;
    }

    @Override
    public List<OutputColumn> output() {
        return plan.output();
    }

    @Override
    public VectorSchemaRoot next() {
        if (reader == null) {
            List<ColumnRange> ranges = ScanRanges.evaluate(plan.ranges(), context);
            WorkerSlot worker = context.worker();
            if (worker != null && worker.partitions(plan)) {
                reader = plan.table().scan(plan.columns(), plan.withRowId(), ranges, worker.index(), worker.count());
            } else {
                reader = ranges.isEmpty() ? plan.table().scan(plan.columns(), plan.withRowId())
                        : plan.table().scan(plan.columns(), plan.withRowId(), ranges);
            }
        }
        while (true) {
            Cancellation.check(context);
            VectorSchemaRoot batch = reader.next();
            if (batch == null || batch.getRowCount() > 0) {
                return batch;
            }
        }
    }

    @Override
    public void close() {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }
}
