package io.strata.compute.operator;

import io.strata.compute.expression.ExpressionEvaluator;
import io.strata.compute.plan.OutputColumn;
import io.strata.compute.plan.PhysicalNode;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.List;

/**
 * Keeps the rows where the condition is TRUE, evaluating its conjuncts one after another over the rows
 * the earlier ones kept. To a consumer that reads selections ({@link #nextSelected}) it hands its input
 * batch with a selection vector of the passing rows; for {@link #next} a batch where every row passes
 * goes on as it is, otherwise the passing rows are gathered into a new batch.
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
        SelectedBatch selected = nextSelected();
        if (selected == null) {
            return null;
        }
        if (selected.selection() == null) {
            return selected.batch();
        }
        ExpressionEvaluator.Selection rows = selected.selection();
        return output.replace(RowCopier.select(selected.batch(), rows.rows(), rows.count(), context.allocator()));
    }

    @Override
    public SelectedBatch nextSelected() {
        while (true) {
            SelectedBatch selected = input.nextSelected();
            if (selected == null) {
                return null;
            }
            ExpressionEvaluator.Selection rows = evaluator.selectTrue(plan.condition(), selected.batch(), selected.selection());
            if (rows.count() == selected.batch().getRowCount()) {
                return new SelectedBatch(selected.batch(), null);
            }
            if (rows.count() > 0) {
                return new SelectedBatch(selected.batch(), rows);
            }
        }
    }

    @Override
    public void close() {
        output.close();
        input.close();
    }
}
