package io.strata.compute.operator;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.compute.expression.Column;
import io.strata.compute.plan.OutputColumn;
import io.strata.compute.plan.PhysicalNode;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs a recursive CTE: returns the seed's rows, keeping them as the working rows; then makes the recursive
 * part's operators afresh for each iteration, reading the previous iteration's rows, returns what it
 * produces and keeps that for the next, until an iteration produces nothing. Without ALL, rows already
 * returned are dropped (by their normalized values: NULLs equal, strings under the collation), so a cycle
 * ends. An iteration past the limit fails with MySQL's 3636.
 *
 * <p>What it holds is not spilled (each iteration needs every row returned before, and the previous
 * iteration's rows): the remembered rows' heap is reserved from the statement's memory and the working rows
 * are in its allocator, so a recursion that outgrows the statement's limit fails with 1041 naming it.
 */
final class RecursiveUnionOperator implements Operator {
    private final PhysicalNode.RecursiveUnion plan;
    private final Operator seed;
    private final Supplier<Operator> recursivePart;
    private final ExecutionContext context;
    private final OutputBatch output = new OutputBatch();
    private final Set<RowKey> seen = new HashSet<>();
    private final QueryMemory.Reservation memory;
    private Operator iteration; // the running recursive part, or null
    private VectorSchemaRoot working; // the previous iteration's rows, read by the recursive part
    private VectorSchemaRoot collected; // this iteration's rows so far
    private boolean seedDone;
    private long iterations;

    RecursiveUnionOperator(PhysicalNode.RecursiveUnion plan, Operator seed, Supplier<Operator> recursivePart,
                           ExecutionContext context) {
        this.plan = plan;
        this.seed = seed;
        this.recursivePart = recursivePart;
        this.context = context;
        this.memory = context.memory().reserve(OPERATOR);
    }

    private static final String OPERATOR = "recursive CTE";

    @Override
    public List<OutputColumn> output() {
        return plan.output();
    }

    @Override
    public VectorSchemaRoot next() {
        output.close();
        while (true) {
            Cancellation.check(context);
            VectorSchemaRoot batch;
            if (!seedDone) {
                batch = seed.next();
                if (batch == null) {
                    seedDone = true;
                    startNextIteration();
                    continue;
                }
            } else {
                if (iteration == null) {
                    return null;
                }
                batch = iteration.next();
                if (batch == null) {
                    iteration.close();
                    iteration = null;
                    startNextIteration();
                    continue;
                }
            }
            VectorSchemaRoot kept = plan.all() ? batch : newRows(batch);
            if (kept == null) {
                continue;
            }
            keep(kept);
            return kept;
        }
    }

    /** The previous iteration's rows become the working rows; a recursive part starts over them, if any. */
    private void startNextIteration() {
        if (working != null) {
            plan.working().set(null);
            working.close();
        }
        working = collected;
        collected = null;
        if (working == null || working.getRowCount() == 0) {
            return;
        }
        iterations++;
        if (iterations > plan.maxIterations()) {
            throw StrataException.of(ErrorCode.ER_CTE_MAX_RECURSION_DEPTH, "Recursive query aborted after %d iterations. "
                    + "Try increasing @@cte_max_recursion_depth to a larger value.", iterations);
        }
        plan.working().set(working);
        iteration = recursivePart.get();
    }

    /** The rows of {@code batch} not returned before (a batch this operator owns), or null if none. */
    private VectorSchemaRoot newRows(VectorSchemaRoot batch) {
        int rowCount = batch.getRowCount();
        Column[] columns = new Column[batch.getFieldVectors().size()];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = Column.read(batch.getVector(c), rowCount);
        }
        RowKey[] keys = RowKey.ofRows(columns, rowCount);
        int[] rows = new int[rowCount];
        int count = 0;
        for (int i = 0; i < rowCount; i++) {
            if (seen.add(keys[i])) {
                rows[count++] = i;
            }
        }
        // the keys' values were read out of the batch: about what its columns take on the heap, per kept row
        memory.add(count == 0 ? 0 : HeapBytes.allColumns(batch) / rowCount * count
                + count * HeapBytes.distinctKey(0, 0));
        return count == 0 ? null : output.replace(RowCopier.select(batch, rows, count, context.allocator()));
    }

    private void keep(VectorSchemaRoot batch) {
        try {
            collected = Buffering.appended(collected, batch, context);
        } catch (OutOfMemoryException e) {
            throw context.memory().exceeded(OPERATOR, e);
        }
    }

    @Override
    public void close() {
        output.close();
        if (iteration != null) {
            iteration.close();
        }
        plan.working().set(null);
        if (working != null) {
            working.close();
        }
        if (collected != null) {
            collected.close();
        }
        seen.clear();
        memory.close();
        seed.close();
    }
}
