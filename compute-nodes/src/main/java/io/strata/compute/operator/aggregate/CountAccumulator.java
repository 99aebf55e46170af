package io.strata.compute.operator.aggregate;

import io.strata.common.type.DataType;
import io.strata.compute.expression.Column;

import java.util.Arrays;

/** COUNT(*) (no arguments: every row) and COUNT(x, ...) (rows where no argument is NULL). */
final class CountAccumulator implements Accumulator {
    private long[] counts = new long[16];

    @Override
    public void add(Column[] arguments, int[] groupIds, int rowCount) {
        for (int i = 0; i < rowCount; i++) {
            int group = groupIds[i];
            if (group < 0 || anyNull(arguments, i)) {
                continue;
            }
            if (group >= counts.length) {
                counts = Arrays.copyOf(counts, Math.max(group + 1, counts.length * 2));
            }
            counts[group]++;
        }
    }

    static boolean anyNull(Column[] arguments, int row) {
        for (Column argument : arguments) {
            if (argument.isNull(row)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Column result(int groupCount) {
        Column out = Column.allocate(DataType.BIGINT, groupCount);
        System.arraycopy(counts, 0, out.longs(), 0, Math.min(groupCount, counts.length));
        return out;
    }
}
