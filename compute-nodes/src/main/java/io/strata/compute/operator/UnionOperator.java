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
 *
 * <p>A distinct union remembers the tuples it returned, their heap reserved from the statement's memory.
 * Once they outgrow it ({@link ExecutionContext#shouldSpill}) it remembers no new ones: rows with tuples not
 * seen go to {@link SpillPartitions} by their hash, and after its inputs each partition is deduplicated by a
 * fresh union (tuples in a file were never returned here, and all copies of a tuple are in one file), again
 * partitioned if needed, at most {@value #MAX_DEPTH} levels; past that a set too large fails with 1041.
 */
final class UnionOperator implements Operator {
    private static final int MAX_DEPTH = 4;

    private final PhysicalNode.Union plan;
    private final List<Operator> inputs;
    private final ExecutionContext context;
    private final int depth;
    private final OutputBatch output = new OutputBatch();
    private final List<Field> fields;
    private final Set<RowKey> seen = new HashSet<>();
    private final QueryMemory.Reservation memory;
    private int current;
    private long lastBatchBytes;        // the heap the last batch's new tuples took
    private boolean full;               // no new tuples are remembered: rows with unseen ones are spilled
    private SpillPartitions partitions;
    private int nextPartition;
    private UnionOperator partitionUnion; // deduplicating partition nextPartition - 1

    UnionOperator(PhysicalNode.Union plan, List<Operator> inputs, ExecutionContext context) {
        this(plan, inputs, context, 0);
    }

    private UnionOperator(PhysicalNode.Union plan, List<Operator> inputs, ExecutionContext context, int depth) {
        this.plan = plan;
        this.inputs = plan.all() ? List.copyOf(inputs) : inputs.stream().map(input -> BoundedBatches.of(input, context)).toList();
        this.context = context;
        this.depth = depth;
        this.fields = plan.output().stream().map(c -> ArrowTypes.field(c.name(), c.type(), true)).toList();
        this.memory = context.memory().reserve("UNION DISTINCT");
    }

    @Override
    public List<OutputColumn> output() {
        return plan.output();
    }

    @Override
    public VectorSchemaRoot next() {
        output.close();
        while (current < inputs.size()) {
            Cancellation.check(context);
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
            // the next batch may add as much again, and the set may double its table (8 bytes a slot)
            if (!full && depth < MAX_DEPTH
                    && context.shouldSpill(memory.bytes(), 2 * lastBatchBytes + 16L * seen.size())) {
                full = true;
            }
            if (distinct != null) {
                return distinct;
            }
        }
        return nextFromPartitions();
    }

    /**
     * The rows of the partitions, each deduplicated by a fresh union; null when all are done. The tuples
     * remembered here are let go first: no tuple in a partition was returned here.
     */
    private VectorSchemaRoot nextFromPartitions() {
        if (partitions != null && nextPartition == 0 && partitionUnion == null) {
            seen.clear();
            memory.close();
        }
        while (partitions != null) {
            if (partitionUnion != null) {
                VectorSchemaRoot batch = partitionUnion.next();
                if (batch != null) {
                    return batch;
                }
                partitionUnion.close();
                partitionUnion = null;
            }
            if (nextPartition >= SpillPartitions.COUNT) {
                return null;
            }
            int partition = nextPartition++;
            if (!partitions.isEmpty(partition)) {
                partitionUnion = new UnionOperator(plan,
                        List.of(partitions.read(partition, plan.output(), context.allocator())), context, depth + 1);
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
        long newBytes = 0;
        boolean[] spilled = null;
        int[] hashes = null;
        for (int row = 0; row < rowCount; row++) {
            Object[] parts = new Object[fields.size()];
            for (int c = 0; c < parts.length; c++) {
                parts[c] = normalized[c][row];
            }
            RowKey key = new RowKey(parts);
            if (full) {
                if (!seen.contains(key)) {
                    spilled = spilled == null ? new boolean[rowCount] : spilled;
                    hashes = hashes == null ? new int[rowCount] : hashes;
                    spilled[row] = true;
                    hashes[row] = key.hashCode();
                }
            } else if (seen.add(key)) {
                rows[count++] = row;
                newBytes += heapBytes(parts);
            }
        }
        memory.add(newBytes);
        lastBatchBytes = newBytes;
        if (spilled != null) {
            if (partitions == null) {
                partitions = new SpillPartitions(context, "union", depth);
            }
            partitions.append(batch, hashes, spilled, context.allocator());
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

    /** A remembered tuple: the set's entry, the key, its array and the values (text at its length). */
    private static long heapBytes(Object[] parts) {
        long text = 0;
        for (Object part : parts) {
            if (part instanceof String string) {
                text += string.length();
            } else if (part instanceof byte[] binary) {
                text += binary.length;
            }
        }
        return HeapBytes.distinctKey(parts.length, text);
    }

    @Override
    public void close() {
        output.close();
        if (partitionUnion != null) {
            partitionUnion.close();
            partitionUnion = null;
        }
        if (partitions != null) {
            partitions.close();
            partitions = null;
        }
        seen.clear();
        memory.close();
        inputs.forEach(Operator::close);
    }
}
