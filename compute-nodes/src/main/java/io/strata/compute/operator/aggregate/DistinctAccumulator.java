package io.strata.compute.operator.aggregate;

import io.strata.compute.expression.Column;
import io.strata.compute.operator.RowKey;

import java.util.HashSet;
import java.util.Set;

/** The DISTINCT form of an aggregate: each group passes a value (tuple of arguments) on only the first time. */
final class DistinctAccumulator implements Accumulator {
    private final Accumulator inner;
    private final Set<RowKey> seen = new HashSet<>();

    DistinctAccumulator(Accumulator inner) {
        this.inner = inner;
    }

    @Override
    public void add(Column[] arguments, int[] groupIds, int rowCount) {
        Object[][] normalized = new Object[arguments.length][];
        for (int a = 0; a < arguments.length; a++) {
            normalized[a] = RowKey.normalize(arguments[a]);
        }
        int[] firstSeen = new int[rowCount];
        for (int i = 0; i < rowCount; i++) {
            firstSeen[i] = -1;
            if (groupIds[i] < 0 || CountAccumulator.anyNull(arguments, i)) {
                continue;
            }
            Object[] parts = new Object[arguments.length + 1];
            parts[0] = groupIds[i];
            for (int a = 0; a < arguments.length; a++) {
                parts[a + 1] = normalized[a][i];
            }
            if (seen.add(new RowKey(parts))) {
                firstSeen[i] = groupIds[i];
            }
        }
        inner.add(arguments, firstSeen, rowCount);
    }

    @Override
    public Column result(int groupCount) {
        return inner.result(groupCount);
    }
}
