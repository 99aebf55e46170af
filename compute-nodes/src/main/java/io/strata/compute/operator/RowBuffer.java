package io.strata.compute.operator;

import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.function.ToLongFunction;

/**
 * The rows a sort, a window or a join's build side holds, in one batch that grows as input arrives, with the
 * heap its algorithm will need for them ({@code heapOf} each appended batch) reserved from the statement's
 * memory. {@link #outgrown} says when to spill; an operator that cannot spill appends until the statement's
 * hard limit fails it with 1041 naming the operator.
 */
final class RowBuffer implements AutoCloseable {
    private final ExecutionContext context;
    private final String operator;
    private final ToLongFunction<VectorSchemaRoot> heapOf;
    private final QueryMemory.Reservation heap;
    private VectorSchemaRoot rows;

    RowBuffer(ExecutionContext context, String operator, ToLongFunction<VectorSchemaRoot> heapOf) {
        this.context = context;
        this.operator = operator;
        this.heapOf = heapOf;
        this.heap = context.memory().reserve(operator);
    }

    /** Copies {@code batch}'s rows (the caller still owns it) to the end. */
    void append(VectorSchemaRoot batch) {
        heap.add(heapOf.applyAsLong(batch));
        try {
            rows = Buffering.appended(rows, batch, context);
        } catch (OutOfMemoryException e) {
            throw context.memory().exceeded(operator, e);
        }
    }

    /** The rows held (still owned here), or null when there are none. */
    VectorSchemaRoot rows() {
        return rows;
    }

    int rowCount() {
        return rows == null ? 0 : rows.getRowCount();
    }

    /** Arrow capacity plus reserved heap. */
    long bytes() {
        return Buffering.capacity(rows) + heap.bytes();
    }

    /** Whether the rows should go to disk before more are appended ({@link ExecutionContext#shouldSpill}). */
    boolean outgrown() {
        return outgrown(context.spillThresholdBytes());
    }

    /** Like {@link #outgrown()}, past {@code thresholdBytes} instead of the operator's share of the memory. */
    boolean outgrown(long thresholdBytes) {
        return context.shouldSpill(bytes(), 2 * Buffering.capacity(rows), thresholdBytes);
    }

    /** Holds {@code replacement} (now owned here) instead of the rows, e.g. their first rows in order. */
    void replace(VectorSchemaRoot replacement) {
        if (rows != null) {
            rows.close();
        }
        rows = replacement;
        heap.resize(replacement == null ? 0 : heapOf.applyAsLong(replacement));
    }

    /** Drops every row and gives the heap back. */
    void clear() {
        replace(null);
    }

    @Override
    public void close() {
        if (rows != null) {
            rows.close();
            rows = null;
        }
        heap.close();
    }
}
