package io.strata.compute.operator.aggregate;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.type.DataType;
import io.strata.compute.expression.Column;

import java.util.Arrays;

/** The value of a scalar subquery: NULL for no row, the value for one row, error 1242 for more. */
final class SingleValueAccumulator implements Accumulator {
    private final DataType type;
    private Object[] values = new Object[16];
    private boolean[] seen = new boolean[16];

    SingleValueAccumulator(DataType type) {
        this.type = type;
    }

    @Override
    public void add(Column[] arguments, int[] groupIds, int rowCount) {
        Column argument = arguments[0];
        for (int i = 0; i < rowCount; i++) {
            int group = groupIds[i];
            if (group < 0) {
                continue;
            }
            if (group >= seen.length) {
                int capacity = Math.max(group + 1, seen.length * 2);
                values = Arrays.copyOf(values, capacity);
                seen = Arrays.copyOf(seen, capacity);
            }
            if (seen[group]) {
                throw new StrataException(ErrorCode.ER_SUBQUERY_NO_1_ROW, "Subquery returns more than 1 row");
            }
            seen[group] = true;
            values[group] = argument.get(i);
        }
    }

    @Override
    public Column result(int groupCount) {
        return Column.fromValues(type, Arrays.copyOf(values, groupCount));
    }
}
