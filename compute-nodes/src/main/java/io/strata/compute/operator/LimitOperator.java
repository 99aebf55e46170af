package io.strata.compute.operator;

import io.strata.compute.plan.OutputColumn;
import io.strata.compute.plan.PhysicalNode;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.List;

/** Skips {@code offset} rows, passes at most {@code fetch}, and stops pulling its input once done. */
final class LimitOperator implements Operator {
    private final PhysicalNode.Limit plan;
    private final Operator input;
    private final ExecutionContext context;
    private final OutputBatch output = new OutputBatch();
    private long toSkip;
    private long remaining;

    LimitOperator(PhysicalNode.Limit plan, Operator input, ExecutionContext context) {
        this.plan = plan;
        this.input = input;
        this.context = context;
        this.toSkip = Math.max(0, plan.offset());
        this.remaining = plan.fetch() < 0 ? Long.MAX_VALUE : plan.fetch();
    }

    @Override
    public List<OutputColumn> output() {
        return plan.output();
    }

    @Override
    public VectorSchemaRoot next() {
        output.close();
        while (remaining > 0) {
            VectorSchemaRoot batch = input.next();
            if (batch == null) {
                remaining = 0;
                return null;
            }
            int rows = batch.getRowCount();
            if (toSkip >= rows) {
                toSkip -= rows;
                continue;
            }
            int start = (int) toSkip;
            toSkip = 0;
            int length = (int) Math.min(rows - start, remaining);
            remaining -= length;
            if (start == 0 && length == rows) {
                return batch;
            }
            return output.replace(RowCopier.slice(batch, batch.getSchema().getFields(), start, length, context.allocator()));
        }
        return null;
    }

    @Override
    public void close() {
        output.close();
        input.close();
    }
}
