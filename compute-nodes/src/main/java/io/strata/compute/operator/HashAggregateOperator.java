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
 */
final class HashAggregateOperator implements Operator {
    private final PhysicalNode.Aggregate plan;
    private final Operator input;
    private final ExecutionContext context;
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

    HashAggregateOperator(PhysicalNode.Aggregate plan, Operator input, ExecutionContext context) {
        this.plan = plan;
        this.input = input;
        this.context = context;
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
            accumulators[c] = Accumulators.create(call, argumentTypes);
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
            return null;
        }
        int from = emitted;
        int to = Math.min(groupCount, from + SortOperator.BATCH_ROWS);
        emitted = to;
        return output.replace(ColumnBatches.batch(List.of(), results, plan.output(), from, to, context.allocator()));
    }

    private void consume() {
        VectorSchemaRoot batch;
        while ((batch = input.next()) != null) {
            Cancellation.check(context);
            int rowCount = batch.getRowCount();
            int[] groupIds = assignGroups(batch, rowCount);
            for (int c = 0; c < accumulators.length; c++) {
                int[] argumentIndexes = plan.calls().get(c).arguments();
                Column[] arguments = new Column[argumentIndexes.length];
                for (int a = 0; a < arguments.length; a++) {
                    arguments[a] = Column.read(batch.getVector(argumentIndexes[a]), rowCount);
                }
                accumulators[c].add(arguments, groupIds, rowCount);
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
        for (int i = 0; i < rowCount; i++) {
            Integer group = groups.get(rowKeys[i]);
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
        for (int i = 0; i < groupIds.length; i++) {
            int group;
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
        input.close();
    }
}
