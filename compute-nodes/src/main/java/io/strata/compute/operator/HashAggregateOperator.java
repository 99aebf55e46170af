package io.strata.compute.operator;

import io.strata.common.type.DataType;
import io.strata.compute.expression.Column;
import io.strata.compute.expression.ColumnCaster;
import io.strata.compute.operator.aggregate.Accumulator;
import io.strata.compute.operator.aggregate.Accumulators;
import io.strata.compute.plan.AggregateCall;
import io.strata.compute.plan.OutputColumn;
import io.strata.compute.plan.PhysicalNode;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups its whole input by the group keys in a hash table (NULL keys form one group; strings
 * group case-insensitively and the group shows its first value), folding each batch into the
 * accumulators, then returns one row per group. Without group keys there is exactly one row.
 *
 * <p>When its groups outgrow the statement's spill threshold ({@link ExecutionContext#spillThresholdBytes},
 * estimated per group), it takes no new groups: rows of groups it holds are still folded in, rows with
 * new keys go to {@link SpillPartitions} by key hash. After its own groups it aggregates each file
 * afresh (keys in a file never match a group held here, and each file holds all rows of its keys), with
 * the next bits of the hash should a file be too large again.
 */
final class HashAggregateOperator implements Operator {
    private static final int MAX_DEPTH = 4; // 16^4 partitions: past that, hold everything
    /** Rough heap bytes per group: the hash entry, its key objects and the accumulators' slots. */
    private static final long GROUP_BYTES = 96;
    private static final long KEY_BYTES = 48;
    private static final long CALL_BYTES = 24;

    private final PhysicalNode.Aggregate plan;
    private final Operator input;
    private final ExecutionContext context;
    private final QueryMemory.Reservation memory; // the groups' estimated heap, and DISTINCT calls' values
    private long groupBytes;                      // of which the groups
    private final OutputBatch output = new OutputBatch();
    private final Map<RowKey, Integer> groups = new HashMap<>();
    /** For a single integer-like group key: its normalized value to group id, with no per-row allocation. */
    private final LongIntHashMap longGroups;
    private int nullGroup = -1;
    private final List<Object[]> groupKeyValues = new ArrayList<>();
    private final Accumulator[] accumulators;
    private final DataType[] keyTypes;
    private Column[] results;
    private int groupCount;
    private int emitted;
    private final int depth;             // 0, or how many times these rows were partitioned before
    private boolean full;                // no new groups: rows with new keys are spilled
    private SpillPartitions partitions;  // rows with keys not held here
    private int nextPartition;
    private HashAggregateOperator partitionAggregate; // aggregating partition nextPartition - 1

    HashAggregateOperator(PhysicalNode.Aggregate plan, Operator input, ExecutionContext context) {
        this(plan, input, context, 0);
    }

    private HashAggregateOperator(PhysicalNode.Aggregate plan, Operator input, ExecutionContext context, int depth) {
        this.depth = depth;
        this.plan = plan;
        this.input = BoundedBatches.of(input, context);
        this.context = context;
        this.memory = context.memory().reserve("aggregate");
        List<OutputColumn> inputColumns = input.output();
        this.keyTypes = new DataType[plan.groupKeys().length];
        for (int k = 0; k < keyTypes.length; k++) {
            keyTypes[k] = inputColumns.get(plan.groupKeys()[k]).type();
        }
        this.longGroups = keyTypes.length == 1 && RowKey.isLongKey(keyTypes[0]) ? new LongIntHashMap() : null;
        this.accumulators = new Accumulator[plan.calls().size()];
        for (int c = 0; c < accumulators.length; c++) {
            AggregateCall call = plan.calls().get(c);
            List<DataType> argumentTypes = new ArrayList<>();
            for (int argument : call.arguments()) {
                argumentTypes.add(inputColumns.get(argument).type());
            }
            accumulators[c] = Accumulators.create(call, argumentTypes, memory);
        }
    }

    @Override
    public List<OutputColumn> output() {
        return plan.output();
    }

    @Override
    public VectorSchemaRoot next() {
        output.close();
        if (results == null) {
            consume();
            results = finish();
        }
        if (emitted >= groupCount) {
            return nextFromPartitions();
        }
        int from = emitted;
        int to = Math.min(groupCount, from + SortOperator.BATCH_ROWS);
        emitted = to;
        return output.replace(ColumnBatches.batch(List.of(), results, plan.output(), from, to, context.allocator()));
    }

    /** The groups of the spilled partitions, one partition after another; null when all are done. */
    private VectorSchemaRoot nextFromPartitions() {
        while (partitions != null) {
            if (partitionAggregate != null) {
                VectorSchemaRoot batch = partitionAggregate.next();
                if (batch != null) {
                    return batch;
                }
                partitionAggregate.close();
                partitionAggregate = null;
            }
            if (nextPartition >= SpillPartitions.COUNT) {
                return null;
            }
            int partition = nextPartition++;
            if (!partitions.isEmpty(partition)) {
                partitionAggregate = new HashAggregateOperator(plan,
                        partitions.read(partition, input.output(), context.allocator()), context, depth + 1);
            }
        }
        return null;
    }

    /** Reserves the groups' heap (1041 past the statement's limit); whether to take no new groups. */
    private boolean outgrown() {
        long perGroup = GROUP_BYTES + KEY_BYTES * keyTypes.length + CALL_BYTES * accumulators.length;
        long bytes = (long) groupKeyValues.size() * perGroup;
        memory.add(bytes - groupBytes);
        groupBytes = bytes;
        return keyTypes.length > 0 && depth < MAX_DEPTH && context.shouldSpill(memory.bytes(), perGroup * 1024L);
    }

    private void consume() {
        VectorSchemaRoot batch;
        while ((batch = input.next()) != null) {
            Cancellation.check(context);
            int rowCount = batch.getRowCount();
            int[] groupIds = assignGroups(batch, rowCount);
            if (full) {
                spillNewKeys(batch, groupIds);
            }
            for (int c = 0; c < accumulators.length; c++) {
                int[] argumentIndexes = plan.calls().get(c).arguments();
                Column[] arguments = new Column[argumentIndexes.length];
                for (int a = 0; a < arguments.length; a++) {
                    arguments[a] = Column.read(batch.getVector(argumentIndexes[a]), rowCount);
                }
                accumulators[c].add(arguments, groupIds, rowCount);
            }
            if (!full && outgrown()) {
                full = true;
            }
        }
        if (keyTypes.length == 0) {
            groupCount = 1; // an aggregate without GROUP BY has one row even over no input
        } else {
            groupCount = groupKeyValues.size();
        }
    }

    private int[] assignGroups(VectorSchemaRoot batch, int rowCount) {
        int[] groupIds = new int[rowCount];
        if (keyTypes.length == 0) {
            return groupIds;
        }
        if (longGroups != null) {
            return assignLongGroups(Column.read(batch.getVector(plan.groupKeys()[0]), rowCount), groupIds);
        }
        Column[] keys = new Column[keyTypes.length];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = Column.read(batch.getVector(plan.groupKeys()[k]), rowCount);
        }
        RowKey[] rowKeys = RowKey.ofRows(keys, rowCount);
        if (full) {
            spillHashes = new int[rowCount];
        }
        for (int i = 0; i < rowCount; i++) {
            Integer group = groups.get(rowKeys[i]);
            if (group == null && full) {
                groupIds[i] = -1; // a new key: its row goes to a partition
                spillHashes[i] = rowKeys[i].hashCode();
                continue;
            }
            if (group == null) {
                group = groupKeyValues.size();
                groups.put(rowKeys[i], group);
                Object[] values = new Object[keys.length];
                for (int k = 0; k < keys.length; k++) {
                    values[k] = keys[k].get(i);
                }
                groupKeyValues.add(values);
            }
            groupIds[i] = group;
        }
        return groupIds;
    }

    private int[] assignLongGroups(Column key, int[] groupIds) {
        long[] values = RowKey.normalizedLongs(key);
        if (full) {
            spillHashes = new int[groupIds.length];
        }
        for (int i = 0; i < groupIds.length; i++) {
            int group;
            if (full && (key.isNull(i) ? nullGroup < 0 : longGroups.get(values[i]) == LongIntHashMap.MISSING)) {
                groupIds[i] = -1; // a new key: its row goes to a partition
                spillHashes[i] = key.isNull(i) ? 0 : Long.hashCode(values[i]);
                continue;
            }
            if (key.isNull(i)) {
                if (nullGroup < 0) {
                    nullGroup = newGroup(key, i);
                }
                group = nullGroup;
            } else {
                group = longGroups.get(values[i]);
                if (group == LongIntHashMap.MISSING) {
                    group = newGroup(key, i);
                    longGroups.put(values[i], group);
                }
            }
            groupIds[i] = group;
        }
        return groupIds;
    }

    /** Per row of the batch being assigned while full: its key's hash (for rows with new keys). */
    private int[] spillHashes;

    /** Appends the rows of {@code batch} whose keys are new ({@code groupIds} -1) to their partitions. */
    private void spillNewKeys(VectorSchemaRoot batch, int[] groupIds) {
        boolean[] spilled = new boolean[groupIds.length];
        boolean any = false;
        for (int i = 0; i < groupIds.length; i++) {
            spilled[i] = groupIds[i] < 0;
            any |= spilled[i];
        }
        if (!any) {
            return;
        }
        if (partitions == null) {
            partitions = new SpillPartitions(context, "aggregate", depth);
        }
        partitions.append(batch, spillHashes, spilled, context.allocator());
    }

    private int newGroup(Column key, int row) {
        groupKeyValues.add(new Object[] {key.get(row)});
        return groupKeyValues.size() - 1;
    }

    /** The output columns: group keys, then one per call, each in its output type. */
    private Column[] finish() {
        Column[] columns = new Column[keyTypes.length + accumulators.length];
        for (int k = 0; k < keyTypes.length; k++) {
            Object[] values = new Object[groupCount];
            for (int g = 0; g < groupCount; g++) {
                values[g] = groupKeyValues.get(g)[k];
            }
            columns[k] = ColumnCaster.cast(Column.fromValues(keyTypes[k], values), plan.output().get(k).type());
        }
        for (int c = 0; c < accumulators.length; c++) {
            DataType type = plan.output().get(keyTypes.length + c).type();
            columns[keyTypes.length + c] = ColumnCaster.cast(accumulators[c].result(groupCount), type);
        }
        return columns;
    }

    @Override
    public void close() {
        output.close();
        if (partitionAggregate != null) {
            partitionAggregate.close();
            partitionAggregate = null;
        }
        if (partitions != null) {
            partitions.close();
            partitions = null;
        }
        memory.close();
        input.close();
    }
}
