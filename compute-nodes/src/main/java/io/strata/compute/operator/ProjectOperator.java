package io.strata.compute.operator;

import io.strata.compute.expression.ExpressionEvaluator;
import io.strata.compute.plan.OutputColumn;
import io.strata.compute.plan.PhysicalNode;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;

import java.util.ArrayList;
import java.util.List;

/**
 * Computes one output column per expression over the rows its input selects; column references
 * share the input's buffers when every row is selected.
 */
final class ProjectOperator implements Operator {
    private final PhysicalNode.Project plan;
    private final Operator input;
    private final ExpressionEvaluator evaluator;
    private final OutputBatch output = new OutputBatch();
    private final List<String> names;

    ProjectOperator(PhysicalNode.Project plan, Operator input, ExecutionContext context) {
        this.plan = plan;
        this.input = input;
        this.evaluator = new ExpressionEvaluator(context);
        this.names = plan.output().stream().map(OutputColumn::name).toList();
    }

    @Override
    public List<OutputColumn> output() {
        return plan.output();
    }

    @Override
    public VectorSchemaRoot next() {
        output.close();
        SelectedBatch selected = input.nextSelected();
        if (selected == null) {
            return null;
        }
        List<FieldVector> vectors = evaluator.evaluateAll(plan.expressions(), selected.batch(), selected.selection(), names);
        List<Field> fields = new ArrayList<>(vectors.size());
        for (FieldVector vector : vectors) {
            fields.add(vector.getField());
        }
        return output.replace(new VectorSchemaRoot(fields, vectors, selected.rowCount()));
    }

    @Override
    public void close() {
        output.close();
        input.close();
    }
}
