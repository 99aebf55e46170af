package io.strata.compute.operator.aggregate;

import io.strata.common.type.DataType;
import io.strata.compute.expression.Column;

import java.util.Arrays;

/** ANY_VALUE: the first non-NULL value each group sees (NULL if it sees none). */
final class AnyValueAccumulator implements Accumulator {
    private final DataType type;
    private Object[] values = new Object[16];

    AnyValueAccumulator(DataType type) {
        this.type = type;
    }

    @Override
    public void add(Column[] arguments, int[] groupIds, int rowCount) {
        Column argument = arguments[0];
        for (int i = 0; i < rowCount; i++) {
            int group = groupIds[i];
            if (group < 0 || argument.isNull(i)) {
                continue;
            }
            if (group >= values.length) {
                values = Arrays.copyOf(values, Math.max(group + 1, values.length * 2));
            }
            if (values[group] == null) {
                values[group] = argument.get(i);
            }
        }
    }

    @Override
    public Column result(int groupCount) {
        return Column.fromValues(type, Arrays.copyOf(values, groupCount));
    }
}
