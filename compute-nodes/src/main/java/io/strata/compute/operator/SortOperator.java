package io.strata.compute.operator;

import io.strata.common.type.ArrowTypes;
import io.strata.compute.expression.Column;
import io.strata.compute.plan.OutputColumn;
import io.strata.compute.plan.PhysicalNode;
import io.strata.compute.plan.SortKey;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Buffers its whole input, orders it by the sort keys (stable), and returns it in batches. Under a
 * LIMIT it is a top-N: it keeps only the first {@code keepRows} rows, sorting and trimming its
 * buffer whenever the buffer reaches twice that, so memory stays bounded by the limit. A buffer that
 * outgrows the statement's memory ({@link ExecutionContext#shouldSpill}) is written to disk as a sorted run
 * (a top-N's trimmed to its rows) and the sort starts afresh; the runs are then merged ({@link RunMerger}),
 * at most as many at once as the memory holds a batch of each, earlier merges making longer runs.
 */
final class SortOperator implements Operator {
    static final int BATCH_ROWS = 4096;
    /** Heap per buffered row for sorting it: a boxed row number and its place in the order. */
    private static final long ORDER_BYTES_PER_ROW = 24;
    private static final int MIN_RUN_BATCH_ROWS = 64;

    private final PhysicalNode.Sort plan;
    private final Operator input;
    private final ExecutionContext context;
    private final OutputBatch output = new OutputBatch();
    private final long keepRows;
    private final int[] keyColumns;
    private RowBuffer buffer;
    private int[] order;
    private int emitted;
    private SpillFiles runs;       // spilled runs, or null while everything fits
    private final List<Integer> runOrder = new ArrayList<>(); // runs in input order (ties go to earlier ones)
    private int runBatchRows;      // rows per batch of every run, chosen at the first spill
    private long runBatchBytesMax; // the largest batch written to a run: what merging holds per run
    private RunMerger merger;     // merges the runs once the input is read

    /** {@code keepRows}: how many leading rows the consumer can use at most, or negative for all. */
    SortOperator(PhysicalNode.Sort plan, Operator input, ExecutionContext context, long keepRows) {
        this.plan = plan;
        this.input = BoundedBatches.of(input, context);
        this.context = context;
        this.keepRows = keepRows > Integer.MAX_VALUE / 4 ? -1 : keepRows;
        this.keyColumns = plan.keys().stream().mapToInt(SortKey::column).toArray();
    }

    @Override
    public List<OutputColumn> output() {
        return plan.output();
    }

    @Override
    public VectorSchemaRoot next() {
        output.close();
        if (merger != null) {
            Cancellation.check(context);
            VectorSchemaRoot merged = merger.next(BATCH_ROWS);
            return merged == null ? null : output.replace(merged);
        }
        if (order == null) {
            bufferInput();
            if (runs != null) {
                mergeDownTo(fanIn());
                merger = new RunMerger(runs, runOrder, fields(), plan.keys(), context.allocator());
                VectorSchemaRoot merged = merger.next(BATCH_ROWS);
                return merged == null ? null : output.replace(merged);
            }
            order = sortedOrder(buffer.rows(), plan.keys());
            if (keepRows >= 0 && order.length > keepRows) {
                order = Arrays.copyOf(order, (int) keepRows);
            }
        }
        if (buffer.rows() == null || emitted >= order.length) {
            return null;
        }
        int count = Math.min(BATCH_ROWS, order.length - emitted);
        int[] rows = Arrays.copyOfRange(order, emitted, emitted + count);
        emitted += count;
        return output.replace(RowCopier.select(buffer.rows(), rows, count, context.allocator()));
    }

    private List<Field> fields() {
        return plan.output().stream().map(c -> ArrowTypes.field(c.name(), c.type(), true)).toList();
    }

    /** What sorting a batch's rows takes on the heap: the keys read out of the vectors, and the order. */
    private long heapOf(VectorSchemaRoot batch) {
        return HeapBytes.columns(batch, keyColumns) + batch.getRowCount() * ORDER_BYTES_PER_ROW;
    }

    /**
     * Reads the whole input into {@link #buffer}; a top-N trims it to its rows whenever it reaches twice that.
     * Whenever the buffer outgrows the memory it becomes a run on disk; once there are runs, the last rows
     * become one too.
     */
    private void bufferInput() {
        buffer = new RowBuffer(context, "sort", this::heapOf);
        int compactAt = keepRows < 0 ? Integer.MAX_VALUE : (int) Math.max(2 * keepRows, BATCH_ROWS);
        VectorSchemaRoot batch;
        while ((batch = input.next()) != null) {
            Cancellation.check(context);
            buffer.append(batch);
            if (buffer.rowCount() >= compactAt) {
                int[] sorted = sortedOrder(buffer.rows(), plan.keys());
                buffer.replace(RowCopier.select(buffer.rows(), sorted, (int) Math.min(keepRows, sorted.length),
                        context.allocator()));
            }
            if (buffer.outgrown()) {
                spill();
            }
        }
        if (runs != null && buffer.rowCount() > 0) {
            spill();
        }
    }

    /** Writes the buffer sorted (a top-N's first rows only) to disk as one more run, and empties it. */
    private void spill() {
        if (runs == null) {
            runs = new SpillFiles(context, "sort");
        }
        VectorSchemaRoot rows = buffer.rows();
        int[] sorted = sortedOrder(rows, plan.keys());
        int count = keepRows >= 0 ? (int) Math.min(keepRows, sorted.length) : sorted.length;
        if (runBatchRows == 0) {
            runBatchRows = runBatchRows(rows);
        }
        int run = runs.create();
        runOrder.add(run);
        for (int start = 0; start < count; start += runBatchRows) {
            int length = Math.min(runBatchRows, count - start);
            try (VectorSchemaRoot batch = RowCopier.select(rows, Arrays.copyOfRange(sorted, start, start + length),
                    length, context.allocator())) {
                runBatchBytesMax = Math.max(runBatchBytesMax, Buffering.capacity(batch));
                runs.append(run, batch);
            }
        }
        runs.finishWriting(run);
        buffer.clear();
    }

    /**
     * Rows per batch of a run: {@link #BATCH_ROWS}, fewer when the memory is small, so that merging holds a
     * batch of many runs at once.
     */
    private int runBatchRows(VectorSchemaRoot rows) {
        long bytesPerRow = Math.max(1, Buffering.capacity(rows) / Math.max(1, rows.getRowCount()));
        long fitting = context.spillThresholdBytes() / 16 / bytesPerRow;
        return (int) Math.max(MIN_RUN_BATCH_ROWS, Math.min(BATCH_ROWS, fitting));
    }

    /** How many runs one merge may read at once: a batch and a read buffer of each within half the spill threshold. */
    private int fanIn() {
        long perRun = Math.max(1, runBatchBytesMax) + context.spillBufferBytes();
        return (int) Math.max(2, Math.min(1024, context.spillThresholdBytes() / 2 / perRun));
    }

    /** Merges the earliest runs into longer ones (each taking its inputs' place) until at most {@code fanIn} remain. */
    private void mergeDownTo(int fanIn) {
        int at = 0;
        while (runOrder.size() > fanIn) {
            if (at + 1 >= runOrder.size()) {
                at = 0; // one pass over the runs is done: the next pass merges the merged runs
            }
            int count = Math.min(fanIn, runOrder.size() - at);
            List<Integer> group = new ArrayList<>(runOrder.subList(at, at + count));
            int merged = runs.create();
            try (RunMerger groupMerger = new RunMerger(runs, group, fields(), plan.keys(), context.allocator())) {
                while (true) {
                    try (VectorSchemaRoot batch = groupMerger.next(runBatchRows)) {
                        if (batch == null) {
                            break;
                        }
                        Cancellation.check(context);
                        runs.append(merged, batch);
                    }
                }
            }
            runs.finishWriting(merged);
            group.forEach(runs::delete);
            runOrder.subList(at, at + count).clear();
            runOrder.add(at, merged);
            at++;
        }
    }

    /** The row indexes of {@code batch} in sorted order. */
    static int[] sortedOrder(VectorSchemaRoot batch, List<SortKey> keys) {
        if (batch == null) {
            return new int[0];
        }
        int rowCount = batch.getRowCount();
        Column[] columns = new Column[keys.size()];
        for (int k = 0; k < keys.size(); k++) {
            columns[k] = Column.read(batch.getVector(keys.get(k).column()), rowCount);
        }
        RowComparator comparator = new RowComparator(columns, keys);
        int[] order = new int[rowCount];
        for (int i = 0; i < rowCount; i++) {
            order[i] = i;
        }
        StableIntSort.sort(order, comparator::compare);
        return order;
    }

    @Override
    public void close() {
        output.close();
        if (merger != null) {
            merger.close();
            merger = null;
        }
        if (runs != null) {
            runs.close();
            runs = null;
        }
        if (buffer != null) {
            buffer.close();
            buffer = null;
        }
        input.close();
    }
}
