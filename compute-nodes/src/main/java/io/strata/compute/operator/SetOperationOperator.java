package io.strata.compute.operator;

import io.strata.common.type.DataType;
import io.strata.compute.expression.Column;
import io.strata.compute.expression.ColumnCaster;
import io.strata.compute.plan.OutputColumn;
import io.strata.compute.plan.PhysicalNode;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * INTERSECT ALL / EXCEPT ALL: reads the first input keeping each distinct row (by normalized values: NULLs
 * equal, strings under the collation; the row shows its first spelling) with its count, counts those rows
 * in the other inputs, then returns each row as many times as the operation says.
 */
final class SetOperationOperator implements Operator {
    private final PhysicalNode.SetOperation plan;
    private final List<Operator> inputs;
    private final ExecutionContext context;
    private final OutputBatch output = new OutputBatch();
    private Column[] results;
    private int rowCount;
    private int emitted;

    /** A distinct row of the first input: its values, how often it came there and in the other inputs. */
    private static final class Counted {
        final Object[] values;
        long first;
        long[] others;

        Counted(Object[] values, int otherInputs) {
            this.values = values;
            this.others = new long[otherInputs];
        }
    }

    SetOperationOperator(PhysicalNode.SetOperation plan, List<Operator> inputs, ExecutionContext context) {
        this.plan = plan;
        this.inputs = List.copyOf(inputs);
        this.context = context;
    }

    @Override
    public List<OutputColumn> output() {
        return plan.output();
    }

    @Override
    public VectorSchemaRoot next() {
        output.close();
        if (results == null) {
            results = compute();
        }
        if (emitted >= rowCount) {
            return null;
        }
        int from = emitted;
        int to = Math.min(rowCount, from + SortOperator.BATCH_ROWS);
        emitted = to;
        return output.replace(ColumnBatches.batch(List.of(), results, plan.output(), from, to, context.allocator()));
    }

    private Column[] compute() {
        Map<RowKey, Counted> rows = new LinkedHashMap<>();
        int otherInputs = inputs.size() - 1;
        for (int input = 0; input < inputs.size(); input++) {
            VectorSchemaRoot batch;
            while ((batch = inputs.get(input).next()) != null) {
                Cancellation.check(context);
                count(batch, input, rows, otherInputs);
            }
        }
        List<Object[]> out = new ArrayList<>();
        for (Counted row : rows.values()) {
            long copies = plan.intersect() ? intersectCopies(row) : exceptCopies(row);
            for (long i = 0; i < copies; i++) {
                out.add(row.values);
            }
        }
        rowCount = out.size();
        Column[] columns = new Column[plan.output().size()];
        for (int c = 0; c < columns.length; c++) {
            Object[] values = new Object[rowCount];
            for (int r = 0; r < rowCount; r++) {
                values[r] = out.get(r)[c];
            }
            DataType inputType = inputs.getFirst().output().get(c).type();
            columns[c] = ColumnCaster.cast(Column.fromValues(inputType, values), plan.output().get(c).type());
        }
        return columns;
    }

    private static void count(VectorSchemaRoot batch, int input, Map<RowKey, Counted> rows, int otherInputs) {
        int size = batch.getRowCount();
        int width = batch.getFieldVectors().size();
        Column[] columns = new Column[width];
        for (int c = 0; c < width; c++) {
            columns[c] = Column.read(batch.getVector(c), size);
        }
        RowKey[] keys = RowKey.ofRows(columns, size);
        for (int r = 0; r < size; r++) {
            RowKey key = keys[r];
            if (input == 0) {
                Counted row = rows.get(key);
                if (row == null) {
                    Object[] values = new Object[width];
                    for (int c = 0; c < width; c++) {
                        values[c] = columns[c].get(r);
                    }
                    row = new Counted(values, otherInputs);
                    rows.put(key, row);
                }
                row.first++;
            } else {
                Counted row = rows.get(key);
                if (row != null) {
                    row.others[input - 1]++;
                }
            }
        }
    }

    private static long intersectCopies(Counted row) {
        long copies = row.first;
        for (long other : row.others) {
            copies = Math.min(copies, other);
        }
        return copies;
    }

    private static long exceptCopies(Counted row) {
        long copies = row.first;
        for (long other : row.others) {
            copies -= other;
        }
        return Math.max(0, copies);
    }

    @Override
    public void close() {
        output.close();
        inputs.forEach(Operator::close);
    }
}
