package io.strata.compute.operator;

import io.strata.compute.expression.Column;
import io.strata.compute.expression.ExpressionEvaluator;
import io.strata.compute.expression.Expr;
import io.strata.compute.plan.OutputColumn;
import io.strata.compute.plan.PhysicalNode;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;

import java.util.ArrayList;
import java.util.List;

/** Literal rows as one batch; each value is evaluated once and converted to its column's type. */
final class ValuesOperator implements Operator {
    private final PhysicalNode.Values plan;
    private final ExecutionContext context;
    private final OutputBatch output = new OutputBatch();
    private boolean done;

    ValuesOperator(PhysicalNode.Values plan, ExecutionContext context) {
        this.plan = plan;
        this.context = context;
    }

    @Override
    public List<OutputColumn> output() {
        return plan.output();
    }

    @Override
    public VectorSchemaRoot next() {
        Cancellation.check(context);
        if (done || plan.rows().isEmpty()) {
            done = true;
            return output.replace(null);
        }
        done = true;
        ExpressionEvaluator evaluator = new ExpressionEvaluator(context);
        List<OutputColumn> columns = plan.output();
        int rowCount = plan.rows().size();
        List<FieldVector> vectors = new ArrayList<>(columns.size());
        List<Field> fields = new ArrayList<>(columns.size());
        try {
            for (int c = 0; c < columns.size(); c++) {
                OutputColumn column = columns.get(c);
                Object[] values = new Object[rowCount];
                for (int r = 0; r < rowCount; r++) {
                    Expr expr = plan.rows().get(r).get(c);
                    values[r] = io.strata.compute.expression.JavaValueConverter.convert(evaluator.evaluateConstant(expr), column.type());
                }
                FieldVector vector = Column.fromValues(column.type(), values).write(column.name(), context.allocator());
                vectors.add(vector);
                fields.add(vector.getField());
            }
        } catch (RuntimeException e) {
            vectors.forEach(FieldVector::close);
            throw e;
        }
        return output.replace(new VectorSchemaRoot(fields, vectors, rowCount));
    }

    @Override
    public void close() {
        output.close();
    }
}
