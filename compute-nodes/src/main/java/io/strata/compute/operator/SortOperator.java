package io.strata.compute.operator;

import io.strata.compute.expression.Column;
import io.strata.compute.plan.OutputColumn;
import io.strata.compute.plan.PhysicalNode;
import io.strata.compute.plan.SortKey;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.Arrays;
import java.util.List;

/**
 * Buffers its whole input, orders it by the sort keys (stable), and returns it in batches. Under a
 * LIMIT it is a top-N: it keeps only the first {@code keepRows} rows, sorting and trimming its
 * buffer whenever the buffer reaches twice that, so memory stays bounded by the limit. A full sort
 * whose buffer outgrows the statement's spill threshold ({@link ExecutionContext#spillThresholdBytes})
 * writes it to disk as a sorted run and starts afresh; the runs are then merged ({@link RunMerger}).
 */
final class SortOperator implements Operator {
    static final int BATCH_ROWS = 4096;

    private final PhysicalNode.Sort plan;
    private final Operator input;
    private final ExecutionContext context;
    private final OutputBatch output = new OutputBatch();
    private final long keepRows;
    private VectorSchemaRoot buffer;
    private int[] order;
    private int emitted;
    private SpillFiles runs;       // spilled runs, or null while everything fits
    private RunMerger merger;     // merges the runs once the input is read

    /** {@code keepRows}: how many leading rows the consumer can use at most, or negative for all. */
    SortOperator(PhysicalNode.Sort plan, Operator input, ExecutionContext context, long keepRows) {
        this.plan = plan;
        this.input = input;
        this.context = context;
        this.keepRows = keepRows > Integer.MAX_VALUE / 4 ? -1 : keepRows;
    }

    @Override
    public List<OutputColumn> output() {
        return plan.output();
    }

    @Override
    public VectorSchemaRoot next() {
        output.close();
        if (merger != null) {
            VectorSchemaRoot merged = merger.next(BATCH_ROWS);
            return merged == null ? null : output.replace(merged);
        }
        if (order == null) {
            buffer = bufferInput();
            if (runs != null) {
                merger = new RunMerger(runs, fields(), plan.keys(), context.allocator());
                runs = null; // the merger owns them now
                VectorSchemaRoot merged = merger.next(BATCH_ROWS);
                return merged == null ? null : output.replace(merged);
            }
            order = sortedOrder(buffer, plan.keys());
            if (keepRows >= 0 && order.length > keepRows) {
                order = Arrays.copyOf(order, (int) keepRows);
            }
        }
        if (buffer == null || emitted >= order.length) {
            return null;
        }
        int count = Math.min(BATCH_ROWS, order.length - emitted);
        int[] rows = Arrays.copyOfRange(order, emitted, emitted + count);
        emitted += count;
        return output.replace(RowCopier.select(buffer, rows, count, context.allocator()));
    }

    private List<org.apache.arrow.vector.types.pojo.Field> fields() {
        return plan.output().stream()
                .map(c -> io.strata.common.type.ArrowTypes.field(c.name(), c.type(), true)).toList();
    }

    private VectorSchemaRoot bufferInput() {
        if (keepRows < 0) {
            return bufferOrSpill();
        }
        int compactAt = (int) Math.max(2 * keepRows, BATCH_ROWS);
        VectorSchemaRoot buffered = null;
        try {
            VectorSchemaRoot batch;
            while ((batch = input.next()) != null) {
                Cancellation.check(context);
                buffered = Buffering.appended(buffered, batch, context);
                if (buffered.getRowCount() >= compactAt) {
                    VectorSchemaRoot full = buffered;
                    buffered = null;
                    try (full) {
                        int[] sorted = sortedOrder(full, plan.keys());
                        buffered = RowCopier.select(full, sorted, (int) Math.min(keepRows, sorted.length), context.allocator());
                    }
                }
            }
            return buffered;
        } catch (RuntimeException e) {
            if (buffered != null) {
                buffered.close();
            }
            throw e;
        }
    }

    /**
     * The whole input in one batch, or null with the input in {@link #runs} when it outgrew the spill
     * threshold (then the last rows are spilled too).
     */
    private VectorSchemaRoot bufferOrSpill() {
        long threshold = context.spillThresholdBytes();
        VectorSchemaRoot buffered = null;
        try {
            VectorSchemaRoot batch;
            while ((batch = input.next()) != null) {
                Cancellation.check(context);
                buffered = Buffering.appended(buffered, batch, context);
                if (Buffering.bytes(buffered) > threshold) {
                    spill(buffered);
                    buffered.close();
                    buffered = null;
                }
            }
            if (runs != null && buffered != null) {
                spill(buffered);
                buffered.close();
                buffered = null;
            }
            return buffered;
        } catch (RuntimeException e) {
            if (buffered != null) {
                buffered.close();
            }
            throw e;
        }
    }

    /** Writes {@code rows} sorted to disk as one more run. */
    private void spill(VectorSchemaRoot rows) {
        if (runs == null) {
            runs = new SpillFiles("sort");
        }
        int[] sorted = sortedOrder(rows, plan.keys());
        List<VectorSchemaRoot> batches = new java.util.ArrayList<>();
        try {
            for (int start = 0; start < sorted.length; start += BATCH_ROWS) {
                int count = Math.min(BATCH_ROWS, sorted.length - start);
                batches.add(RowCopier.select(rows, Arrays.copyOfRange(sorted, start, start + count), count,
                        context.allocator()));
            }
            runs.write(batches);
        } finally {
            batches.forEach(VectorSchemaRoot::close);
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
