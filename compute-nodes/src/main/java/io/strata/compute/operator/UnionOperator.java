package io.strata.compute.operator;

import io.strata.common.type.ArrowTypes;
import io.strata.common.type.DataType;
import io.strata.compute.expression.Column;
import io.strata.compute.expression.ColumnCaster;
import io.strata.compute.plan.OutputColumn;
import io.strata.compute.plan.PhysicalNode;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * UNION ALL streams its inputs one after another under the union's column names and types;
 * UNION (distinct) also drops every row whose normalized value tuple was already returned.
 */
final class UnionOperator implements Operator {
    private final PhysicalNode.Union plan;
    private final List<Operator> inputs;
    private final ExecutionContext context;
    private final OutputBatch output = new OutputBatch();
    private final List<Field> fields;
    private final Set<RowKey> seen = new HashSet<>();
    private int current;

    UnionOperator(PhysicalNode.Union plan, List<Operator> inputs, ExecutionContext context) {
        this.plan = plan;
        this.inputs = List.copyOf(inputs);
        this.context = context;
        this.fields = plan.output().stream().map(c -> ArrowTypes.field(c.name(), c.type(), true)).toList();
    }

    @Override
    public List<OutputColumn> output() {
        return plan.output();
    }

    @Override
    public VectorSchemaRoot next() {
        output.close();
        while (current < inputs.size()) {
            VectorSchemaRoot batch = inputs.get(current).next();
            if (batch == null) {
                current++;
                continue;
            }
            VectorSchemaRoot aligned = output.replace(align(batch));
            if (plan.all()) {
                return aligned;
            }
            VectorSchemaRoot distinct = newRows(aligned);
            if (distinct != null) {
                return distinct;
            }
        }
        return null;
    }

    /** The batch under the union's fields: shared when the types agree, converted otherwise. */
    private VectorSchemaRoot align(VectorSchemaRoot batch) {
        int rowCount = batch.getRowCount();
        List<FieldVector> vectors = new ArrayList<>(fields.size());
        try {
            for (int c = 0; c < fields.size(); c++) {
                FieldVector source = batch.getVector(c);
                DataType target = ArrowTypes.sqlType(fields.get(c));
                if (io.strata.compute.expression.FieldTypes.sqlType(source.getField()).equals(target)) {
                    var pair = source.getTransferPair(fields.get(c), context.allocator());
                    pair.splitAndTransfer(0, rowCount);
                    vectors.add((FieldVector) pair.getTo());
                } else {
                    Column converted = ColumnCaster.cast(Column.read(source, rowCount), target);
                    vectors.add(converted.write(fields.get(c).getName(), context.allocator()));
                }
            }
        } catch (RuntimeException e) {
            vectors.forEach(FieldVector::close);
            throw e;
        }
        return new VectorSchemaRoot(fields, vectors, rowCount);
    }

    /** The rows of {@code batch} not seen before (a new batch replacing it), or null if there are none. */
    private VectorSchemaRoot newRows(VectorSchemaRoot batch) {
        int rowCount = batch.getRowCount();
        Object[][] normalized = new Object[fields.size()][];
        for (int c = 0; c < fields.size(); c++) {
            normalized[c] = RowKey.normalize(Column.read(batch.getVector(c), rowCount));
        }
        int[] rows = new int[rowCount];
        int count = 0;
        for (int row = 0; row < rowCount; row++) {
            Object[] parts = new Object[fields.size()];
            for (int c = 0; c < parts.length; c++) {
                parts[c] = normalized[c][row];
            }
            if (seen.add(new RowKey(parts))) {
                rows[count++] = row;
            }
        }
        if (count == 0) {
            output.close();
            return null;
        }
        if (count == rowCount) {
            return batch;
        }
        return output.replace(RowCopier.select(batch, rows, count, context.allocator()));
    }

    @Override
    public void close() {
        output.close();
        inputs.forEach(Operator::close);
    }
}
