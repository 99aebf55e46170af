package io.strata.compute.operator;

import io.strata.common.type.DataType;
import io.strata.compute.expression.Column;
import io.strata.compute.expression.ColumnCaster;
import io.strata.compute.plan.OutputColumn;
import io.strata.compute.plan.PhysicalNode;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * INTERSECT ALL / EXCEPT ALL: reads the first input keeping each distinct row (by normalized values: NULLs
 * equal, strings under the collation; the row shows its first spelling) with its count, counts those rows
 * in the other inputs, then returns each row as many times as the operation says, a batch at a time.
 *
 * <p>When the rows it keeps outgrow the statement's memory ({@link ExecutionContext#shouldSpill}; their heap
 * is reserved) it takes no new rows: rows of the first input with values not kept go to {@link SpillPartitions}
 * by the hash of their values, and so do rows of the other inputs with values not kept (they may match
 * spilled ones). After its own rows it runs a fresh operation over each partition's files (the inputs' rows
 * of one value are in one partition), partitioning again on the next hash bits if needed, at most
 * {@value #MAX_DEPTH} levels; past that a value set too large fails with 1041.
 */
final class SetOperationOperator implements Operator {
    private static final int MAX_DEPTH = 4;
    /** A kept row besides its key and values: the counts object, its array, the values' array. */
    private static final long COUNTED_BYTES = 64;

    private final PhysicalNode.SetOperation plan;
    private final List<Operator> inputs;
    private final ExecutionContext context;
    private final int depth;
    private final OutputBatch output = new OutputBatch();
    private final QueryMemory.Reservation memory;
    private final Map<RowKey, Counted> rows = new LinkedHashMap<>();
    private boolean consumed;
    private boolean full;                 // no new rows are kept: rows with other values are spilled
    private SpillPartitions[] partitions; // per input, the rows with values not kept (once full)
    private Iterator<Counted> emitting;
    private Counted emittingRow;
    private long copiesLeft;
    private int nextPartition;
    private SetOperationOperator partitionOperation; // over partition nextPartition - 1

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
        this(plan, inputs, context, 0);
    }

    private SetOperationOperator(PhysicalNode.SetOperation plan, List<Operator> inputs, ExecutionContext context,
                                 int depth) {
        this.plan = plan;
        this.inputs = inputs.stream().map(input -> BoundedBatches.of(input, context)).toList();
        this.context = context;
        this.depth = depth;
        this.memory = context.memory().reserve(plan.intersect() ? "INTERSECT ALL" : "EXCEPT ALL");
    }

    @Override
    public List<OutputColumn> output() {
        return plan.output();
    }

    @Override
    public VectorSchemaRoot next() {
        output.close();
        if (!consumed) {
            consumed = true;
            consume();
            emitting = rows.values().iterator();
        }
        VectorSchemaRoot kept = nextKept();
        if (kept != null) {
            return kept;
        }
        if (!rows.isEmpty()) {
            rows.clear(); // every kept row is out: the partitions' operations get the memory
            emitting = java.util.Collections.emptyIterator();
            memory.close();
        }
        return nextFromPartitions();
    }

    private void consume() {
        for (int input = 0; input < inputs.size(); input++) {
            VectorSchemaRoot batch;
            if (input > 0 && partitions != null) {
                partitions[input - 1].finishWriting();
            }
            while ((batch = inputs.get(input).next()) != null) {
                Cancellation.check(context);
                long added = count(batch, input);
                // the next batch may add as much again, and the map may double its table (8 bytes a slot)
                if (!full && depth < MAX_DEPTH && input == 0
                        && context.shouldSpill(memory.bytes(), 2 * added + 16L * rows.size())) {
                    full = true;
                }
            }
        }
    }

    /**
     * Counts the rows of {@code batch} from input {@code input}; rows with values not kept go to partitions once
     * full. Returns the heap the batch's new rows took.
     */
    private long count(VectorSchemaRoot batch, int input) {
        int size = batch.getRowCount();
        int width = batch.getFieldVectors().size();
        Column[] columns = new Column[width];
        for (int c = 0; c < width; c++) {
            columns[c] = Column.read(batch.getVector(c), size);
        }
        RowKey[] keys = RowKey.ofRows(columns, size);
        boolean[] spilled = null;
        long newBytes = 0;
        for (int r = 0; r < size; r++) {
            Counted row = rows.get(keys[r]);
            if (row == null && full) {
                spilled = spilled == null ? new boolean[size] : spilled;
                spilled[r] = true;
            } else if (row == null && input == 0) {
                Object[] values = new Object[width];
                for (int c = 0; c < width; c++) {
                    values[c] = columns[c].get(r);
                }
                row = new Counted(values, inputs.size() - 1);
                rows.put(keys[r], row);
                newBytes += heapBytes(values, inputs.size() - 1);
            }
            if (row != null) {
                if (input == 0) {
                    row.first++;
                } else {
                    row.others[input - 1]++;
                }
            }
        }
        memory.add(newBytes);
        if (spilled != null) {
            spill(batch, input, keys, spilled);
        }
        return newBytes;
    }

    /** A kept row's heap: the map entry and key with its normalized values, the counts, the values (text at its length). */
    private static long heapBytes(Object[] values, int otherInputs) {
        long text = 0;
        for (Object value : values) {
            if (value instanceof String string) {
                text += string.length();
            } else if (value instanceof byte[] binary) {
                text += binary.length;
            }
        }
        return HeapBytes.distinctKey(values.length, text) + COUNTED_BYTES + otherInputs * 8L
                + values.length * (8 + HeapBytes.OBJECT) + text;
    }

    private void spill(VectorSchemaRoot batch, int input, RowKey[] keys, boolean[] spilled) {
        if (partitions == null) {
            partitions = new SpillPartitions[inputs.size()];
            for (int i = 0; i < partitions.length; i++) {
                partitions[i] = new SpillPartitions(context, "set", depth);
            }
        }
        int[] hashes = new int[keys.length];
        for (int r = 0; r < keys.length; r++) {
            hashes[r] = spilled[r] ? keys[r].hashCode() : 0;
        }
        partitions[input].append(batch, hashes, spilled, context.allocator());
    }

    /** The kept rows' copies, a batch at a time; null when all are out. */
    private VectorSchemaRoot nextKept() {
        List<Object[]> out = new ArrayList<>();
        while (out.size() < SortOperator.BATCH_ROWS) {
            if (copiesLeft == 0) {
                if (!emitting.hasNext()) {
                    break;
                }
                emittingRow = emitting.next();
                copiesLeft = plan.intersect() ? intersectCopies(emittingRow) : exceptCopies(emittingRow);
                continue;
            }
            out.add(emittingRow.values);
            copiesLeft--;
        }
        if (out.isEmpty()) {
            return null;
        }
        Column[] columns = new Column[plan.output().size()];
        for (int c = 0; c < columns.length; c++) {
            Object[] values = new Object[out.size()];
            for (int r = 0; r < values.length; r++) {
                values[r] = out.get(r)[c];
            }
            DataType inputType = inputs.getFirst().output().get(c).type();
            columns[c] = ColumnCaster.cast(Column.fromValues(inputType, values), plan.output().get(c).type());
        }
        return output.replace(ColumnBatches.batch(List.of(), columns, plan.output(), 0, out.size(), context.allocator()));
    }

    /** The rows of the partitions' operations, one partition after another; null when all are done. */
    private VectorSchemaRoot nextFromPartitions() {
        while (partitions != null) {
            if (partitionOperation != null) {
                VectorSchemaRoot batch = partitionOperation.next();
                if (batch != null) {
                    return batch;
                }
                partitionOperation.close();
                partitionOperation = null;
            }
            if (nextPartition >= SpillPartitions.COUNT) {
                return null;
            }
            int partition = nextPartition++;
            if (!partitions[0].isEmpty(partition)) {
                List<Operator> parts = new ArrayList<>();
                try {
                    for (int i = 0; i < partitions.length; i++) {
                        parts.add(partitions[i].read(partition, inputs.get(i).output(), context.allocator()));
                    }
                } catch (RuntimeException e) {
                    parts.forEach(Operator::close);
                    throw e;
                }
                partitionOperation = new SetOperationOperator(plan, parts, context, depth + 1);
            }
        }
        return null;
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
        if (partitionOperation != null) {
            partitionOperation.close();
            partitionOperation = null;
        }
        if (partitions != null) {
            for (SpillPartitions part : partitions) {
                part.close();
            }
            partitions = null;
        }
        rows.clear();
        memory.close();
        inputs.forEach(Operator::close);
    }
}
