package io.strata.compute.operator;

import io.strata.compute.plan.OutputColumn;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.List;

/**
 * An input whose batches have at most a number of rows fitting the statement's memory: larger batches are
 * handed on in copied slices. Operators that grow per batch (a sort's buffer, a build side, an aggregate's
 * groups, a set's keys) look at their memory between batches; under a small limit one scan block of 8192
 * rows, with the heap its keys take, could carry them past the limit before they could spill.
 */
final class BoundedBatches implements Operator {
    /** Memory per row a slice may take: a sixteenth of the spill threshold over at most 256 bytes a row. */
    private static final long LIMIT_BYTES_PER_ROW = 16 * 2 * 256;
    private static final int MIN_ROWS = 64;
    /** Limits giving slices this large leave batches as they are. */
    private static final int UNBOUNDED_ROWS = 1 << 16;

    private final Operator input;
    private final int maxRows;
    private final ExecutionContext context;
    private final OutputBatch output = new OutputBatch();
    private VectorSchemaRoot batch;   // the input's current batch while it is handed on in slices
    private int nextRow;

    private BoundedBatches(Operator input, int maxRows, ExecutionContext context) {
        this.input = input;
        this.maxRows = maxRows;
        this.context = context;
    }

    /** {@code input} itself when the memory is large enough for any batch, else bounded. */
    static Operator of(Operator input, ExecutionContext context) {
        long rows = context.memoryLimitBytes() / LIMIT_BYTES_PER_ROW;
        return rows >= UNBOUNDED_ROWS ? input : new BoundedBatches(input, (int) Math.max(MIN_ROWS, rows), context);
    }

    @Override
    public List<OutputColumn> output() {
        return input.output();
    }

    @Override
    public VectorSchemaRoot next() {
        output.close();
        if (batch == null || nextRow >= batch.getRowCount()) {
            batch = input.next();
            nextRow = 0;
            if (batch == null || batch.getRowCount() <= maxRows) {
                VectorSchemaRoot whole = batch;
                batch = null;
                return whole;
            }
        }
        int count = Math.min(maxRows, batch.getRowCount() - nextRow);
        int[] rows = new int[count];
        for (int i = 0; i < count; i++) {
            rows[i] = nextRow + i;
        }
        nextRow += count;
        return output.replace(RowCopier.select(batch, rows, count, context.allocator()));
    }

    @Override
    public void close() {
        output.close();
        batch = null;
        input.close();
    }
}
