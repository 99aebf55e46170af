package io.strata.compute.operator;

import io.strata.compute.expression.ExpressionEvaluator;
import io.strata.compute.plan.OutputColumn;
import io.strata.compute.plan.PhysicalNode;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.List;

/**
 * Keeps the rows where the condition is TRUE. A batch where every row passes goes on as it is;
 * otherwise the passing rows are gathered into a new batch.
 */
final class FilterOperator implements Operator {
    private final PhysicalNode.Filter plan;
    private final Operator input;
    private final ExecutionContext context;
    private final ExpressionEvaluator evaluator;
    private final OutputBatch output = new OutputBatch();

    FilterOperator(PhysicalNode.Filter plan, Operator input, ExecutionContext context) {
        this.plan = plan;
        this.input = input;
        this.context = context;
        this.evaluator = new ExpressionEvaluator(context);
    }

    @Override
    public List<OutputColumn> output() {
        return plan.output();
    }

    @Override
    public VectorSchemaRoot next() {
        output.close();
        while (true) {
            VectorSchemaRoot batch = input.next();
            if (batch == null) {
                return null;
            }
            ExpressionEvaluator.Selection selection = evaluator.selectTrue(plan.condition(), batch);
            if (selection.count() == batch.getRowCount()) {
                return batch;
            }
            if (selection.count() > 0) {
                return output.replace(RowCopier.select(batch, selection.rows(), selection.count(), context.allocator()));
            }
        }
    }

    @Override
    public void close() {
        output.close();
        input.close();
    }
}
