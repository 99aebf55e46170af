package io.strata.compute.operator;

import io.strata.common.type.DataType;
import io.strata.compute.expression.Column;
import io.strata.compute.expression.ColumnCaster;
import io.strata.compute.plan.OutputColumn;
import io.strata.compute.plan.PhysicalNode;
import io.strata.compute.plan.WindowGroup;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Buffers its whole input, then for each window group orders the rows by partition and order keys, walks
 * each partition and computes every call of the group ({@link WindowFrames}); returns the input rows in
 * their arrival order with the calls' columns after them.
 *
 * <p>Rows whose buffer (with the heap computing the calls takes) outgrows the statement's memory
 * ({@link ExecutionContext#shouldSpill}) go to {@link SpillPartitions} by the hash of the partition keys all
 * groups share, so that each window partition lies in one file; each file is then windowed by a fresh
 * operator (partitioned again on the next hash bits if it outgrows too), the rows coming back file by file.
 * Without a shared partition key, or past the last level, a window partition is held whole: past the
 * statement's limit it fails with 1041.
 */
final class WindowOperator implements Operator {
    private static final int MAX_DEPTH = 4;
    /** Heap per row per window group: its order (boxed while sorting), partition and peer bounds, frames. */
    private static final long GROUP_BYTES_PER_ROW = 64;
    /** Heap per row per call: its value, boxed, and the value cast to the output type. */
    private static final long CALL_BYTES_PER_ROW = 64;

    private final PhysicalNode.Window plan;
    private final Operator input;
    private final ExecutionContext context;
    private final OutputBatch output = new OutputBatch();
    private final int[] sharedPartitionKeys;
    private final int depth;
    private final long heapBytesPerRow;
    private RowBuffer buffer;
    private Column[] results; // one per call, all groups in order
    private int emitted;
    private boolean computed;
    private SpillPartitions partitions; // the rows by shared partition key, once they outgrew the memory
    private int nextPartition;
    private WindowOperator partitionWindow; // windowing partition file nextPartition - 1

    WindowOperator(PhysicalNode.Window plan, Operator input, ExecutionContext context) {
        this(plan, input, context, 0);
    }

    private WindowOperator(PhysicalNode.Window plan, Operator input, ExecutionContext context, int depth) {
        this.plan = plan;
        this.input = BoundedBatches.of(input, context);
        this.context = context;
        this.depth = depth;
        this.sharedPartitionKeys = sharedPartitionKeys(plan.groups());
        long calls = plan.groups().stream().mapToLong(group -> group.calls().size()).sum();
        this.heapBytesPerRow = plan.groups().size() * GROUP_BYTES_PER_ROW + calls * CALL_BYTES_PER_ROW;
    }

    /** The input columns every group partitions by (rows equal on a group's partition keys are equal on these). */
    private static int[] sharedPartitionKeys(List<WindowGroup> groups) {
        int[] shared = groups.isEmpty() ? new int[0] : groups.getFirst().partitionKeys().clone();
        for (WindowGroup group : groups) {
            int[] keys = group.partitionKeys();
            shared = Arrays.stream(shared).filter(k -> Arrays.stream(keys).anyMatch(g -> g == k)).toArray();
        }
        return shared;
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
            bufferInput();
            if (partitions == null && buffer.rows() != null) {
                results = compute(buffer.rows());
            }
        }
        if (partitions != null) {
            return nextFromPartitions();
        }
        VectorSchemaRoot rowsHeld = buffer.rows();
        if (rowsHeld == null || emitted >= rowsHeld.getRowCount()) {
            return null;
        }
        int from = emitted;
        int to = Math.min(rowsHeld.getRowCount(), from + SortOperator.BATCH_ROWS);
        emitted = to;
        int[] rows = new int[to - from];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = from + i;
        }
        VectorSchemaRoot copied = RowCopier.select(rowsHeld, rows, rows.length, context.allocator());
        List<OutputColumn> computed = plan.output().subList(copied.getFieldVectors().size(), plan.output().size());
        return output.replace(ColumnBatches.batch(copied.getFieldVectors(), results, computed, from, to, context.allocator()));
    }

    /** What computing the calls over a batch's rows takes on the heap: every column read out, and per group and call. */
    private long heapOf(VectorSchemaRoot batch) {
        return HeapBytes.allColumns(batch) + batch.getRowCount() * heapBytesPerRow;
    }

    /** Reads the input into {@link #buffer}, or once it outgrows the memory (and can be split) into partitions. */
    private void bufferInput() {
        buffer = new RowBuffer(context, "window", this::heapOf);
        boolean canSpill = sharedPartitionKeys.length > 0 && depth < MAX_DEPTH;
        VectorSchemaRoot batch;
        while ((batch = input.next()) != null) {
            Cancellation.check(context);
            if (partitions != null) {
                JoinBuildSide.partition(batch, sharedPartitionKeys, partitions, context);
                continue;
            }
            buffer.append(batch);
            if (canSpill && buffer.outgrown()) {
                partitions = new SpillPartitions(context, "window", depth);
                JoinBuildSide.partition(buffer.rows(), sharedPartitionKeys, partitions, context);
                buffer.clear();
            }
        }
    }

    /** The rows of the partition files, windowed one file after another; null when all are done. */
    private VectorSchemaRoot nextFromPartitions() {
        while (true) {
            if (partitionWindow != null) {
                VectorSchemaRoot batch = partitionWindow.next();
                if (batch != null) {
                    return batch;
                }
                partitionWindow.close();
                partitionWindow = null;
            }
            if (nextPartition >= SpillPartitions.COUNT) {
                return null;
            }
            int partition = nextPartition++;
            if (!partitions.isEmpty(partition)) {
                partitionWindow = new WindowOperator(plan,
                        partitions.read(partition, input.output(), context.allocator()), context, depth + 1);
            }
        }
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
        if (partitionWindow != null) {
            partitionWindow.close();
            partitionWindow = null;
        }
        if (partitions != null) {
            partitions.close();
            partitions = null;
        }
        if (buffer != null) {
            buffer.close();
            buffer = null;
        }
        input.close();
    }
}
