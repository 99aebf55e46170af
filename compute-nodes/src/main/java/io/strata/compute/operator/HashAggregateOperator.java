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
import java.util.List;

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
    /** Rough heap bytes per group of one accumulator's slots. */
    private static final long CALL_BYTES = 24;

    private final PhysicalNode.Aggregate plan;
    private final Operator input;
    private final ExecutionContext context;
    private final QueryMemory.Reservation memory; // the groups' estimated heap, and DISTINCT calls' values
    private long groupBytes;                      // of which the groups
    private final OutputBatch output = new OutputBatch();
    /** Group keys (encoded) to group ids. */
    private final KeyTable groups;
    /** For a single integer-like group key: its normalized value to group id, instead of {@link #groups}. */
    private final LongIntHashMap longGroups;
    private int nullGroup = -1;
    /** Each group's key values, by group id. */
    private final GroupKeyVectors groupKeys;
    /** The rows of the batch being assigned that opened a group. */
    private int[] openingRows = new int[0];
    private int openingCount;
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
        this.groups = longGroups == null && keyTypes.length > 0 ? new KeyTable() : null;
        this.groupKeys = new GroupKeyVectors(plan.groupKeys(), context.allocator());
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
        // the key table and accumulator slots live on the heap; the group key vectors are Arrow memory, counted already
        long table = groups != null ? groups.bytes() : 24L * groupKeys.rows(); // a long map: 12 bytes a slot, half full
        long bytes = table + (long) groupKeys.rows() * CALL_BYTES * accumulators.length;
        memory.add(bytes - groupBytes);
        groupBytes = bytes;
        long perGroup = 32 + 9L * keyTypes.length + CALL_BYTES * accumulators.length;
        long keyVectors = groupKeys.bytes(); // Arrow buffers that double as groups are added
        return keyTypes.length > 0 && depth < MAX_DEPTH
                && context.shouldSpill(memory.bytes() + keyVectors, Math.max(perGroup * 1024L, keyVectors));
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
            groupCount = groupKeys.rows();
        }
    }

    private int[] assignGroups(VectorSchemaRoot batch, int rowCount) {
        int[] groupIds = new int[rowCount];
        if (keyTypes.length == 0) {
            return groupIds;
        }
        if (openingRows.length < rowCount) {
            openingRows = new int[rowCount];
        }
        openingCount = 0;
        if (longGroups != null) {
            assignLongGroups(Column.read(batch.getVector(plan.groupKeys()[0]), rowCount), groupIds);
        } else {
            assignEncodedGroups(batch, rowCount, groupIds);
        }
        groupKeys.append(batch, openingRows, openingCount);
        return groupIds;
    }

    private void assignEncodedGroups(VectorSchemaRoot batch, int rowCount, int[] groupIds) {
        Column[] keys = new Column[keyTypes.length];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = Column.read(batch.getVector(plan.groupKeys()[k]), rowCount);
        }
        EncodedKeys encoded = EncodedKeys.of(keys, null, rowCount);
        if (full) {
            spillHashes = encoded.hashes();
        }
        for (int i = 0; i < rowCount; i++) {
            int before = groups.size();
            int group = full ? groups.find(encoded, i) : groups.findOrAdd(encoded, i);
            if (group < 0) {
                group = -1; // a new key while full: its row goes to a partition
            } else if (group == before) {
                openingRows[openingCount++] = i;
            }
            groupIds[i] = group;
        }
    }

    private void assignLongGroups(Column key, int[] groupIds) {
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
                    nullGroup = newGroup(i);
                }
                group = nullGroup;
            } else {
                group = longGroups.get(values[i]);
                if (group == LongIntHashMap.MISSING) {
                    group = newGroup(i);
                    longGroups.put(values[i], group);
                }
            }
            groupIds[i] = group;
        }
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

    /** Opens a group at row {@code row} of the batch being assigned: its id. */
    private int newGroup(int row) {
        openingRows[openingCount++] = row;
        return groupKeys.rows() + openingCount - 1;
    }

    /** The output columns: group keys, then one per call, each in its output type. */
    private Column[] finish() {
        Column[] columns = new Column[keyTypes.length + accumulators.length];
        for (int k = 0; k < keyTypes.length; k++) {
            Column keys = groupKeys.column(k);
            columns[k] = ColumnCaster.cast(keys != null ? keys : Column.allocate(keyTypes[k], 0), plan.output().get(k).type());
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
        groupKeys.close();
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
