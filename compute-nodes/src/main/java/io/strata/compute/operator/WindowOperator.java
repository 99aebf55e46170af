package io.strata.compute.operator;

import io.strata.common.type.DataType;
import io.strata.compute.expression.Column;
import io.strata.compute.expression.ColumnCaster;
import io.strata.compute.plan.OutputColumn;
import io.strata.compute.plan.PhysicalNode;
import io.strata.compute.plan.WindowGroup;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.ArrayList;
import java.util.List;

/**
 * Buffers its whole input, then for each window group orders the rows by partition and order keys, walks
 * each partition and computes every call of the group ({@link WindowFrames}); returns the input rows in
 * their arrival order with the calls' columns after them.
 */
final class WindowOperator implements Operator {
    private final PhysicalNode.Window plan;
    private final Operator input;
    private final ExecutionContext context;
    private final OutputBatch output = new OutputBatch();
    private VectorSchemaRoot buffer;
    private Column[] results; // one per call, all groups in order
    private int emitted;
    private boolean computed;

    WindowOperator(PhysicalNode.Window plan, Operator input, ExecutionContext context) {
        this.plan = plan;
        this.input = input;
        this.context = context;
    }

    @Override
    public List<OutputColumn> output() {
        return plan.output();
    }

    @Override
    public VectorSchemaRoot next() {
        output.close();
        if (!computed) {
            computed = true;
            buffer = Buffering.drain(input, context);
            if (buffer != null) {
                results = compute(buffer);
            }
        }
        if (buffer == null || emitted >= buffer.getRowCount()) {
            return null;
        }
        int from = emitted;
        int to = Math.min(buffer.getRowCount(), from + SortOperator.BATCH_ROWS);
        emitted = to;
        int[] rows = new int[to - from];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = from + i;
        }
        VectorSchemaRoot copied = RowCopier.select(buffer, rows, rows.length, context.allocator());
        List<OutputColumn> computed = plan.output().subList(copied.getFieldVectors().size(), plan.output().size());
        return output.replace(ColumnBatches.batch(copied.getFieldVectors(), results, computed, from, to, context.allocator()));
    }

    private Column[] compute(VectorSchemaRoot rows) {
        int rowCount = rows.getRowCount();
        Column[] columns = new Column[rows.getFieldVectors().size()];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = Column.read(rows.getVector(c), rowCount);
        }
        List<Column> computed = new ArrayList<>();
        int outputColumn = columns.length;
        for (WindowGroup group : plan.groups()) {
            Cancellation.check(context);
            int[] order = SortOperator.sortedOrder(rows, WindowFrames.windowOrder(group));
            WindowFrames frames = new WindowFrames(group, columns, order);
            for (WindowGroup.Call call : group.calls()) {
                Object[] values = frames.compute(call);
                DataType type = plan.output().get(outputColumn++).type();
                computed.add(ColumnCaster.cast(Column.fromValues(frames.valueType(call), values), type));
            }
        }
        return computed.toArray(Column[]::new);
    }

    @Override
    public void close() {
        output.close();
        if (buffer != null) {
            buffer.close();
            buffer = null;
        }
        input.close();
    }
}
