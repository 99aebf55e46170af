package io.strata.compute.operator.aggregate;

import io.strata.compute.expression.Column;
import io.strata.compute.operator.QueryMemory;
import io.strata.compute.operator.RowKey;

import java.util.HashSet;
import java.util.Set;

/**
 * The DISTINCT form of an aggregate: each group passes a value (tuple of arguments) on only the first time.
 * The (group, value) pairs it remembers are not spilled: their heap is reserved from the statement's memory,
 * so that too many of them fail the statement with 1041 (the aggregate spills groups it has not begun; a
 * group's distinct values stay here).
 */
final class DistinctAccumulator implements Accumulator {
    private final Accumulator inner;
    private final QueryMemory.Reservation memory;
    private final Set<RowKey> seen = new HashSet<>();

    DistinctAccumulator(Accumulator inner, QueryMemory.Reservation memory) {
        this.inner = inner;
        this.memory = memory;
    }

    @Override
    public void add(Column[] arguments, int[] groupIds, int rowCount) {
        Object[][] normalized = new Object[arguments.length][];
        for (int a = 0; a < arguments.length; a++) {
            normalized[a] = RowKey.normalize(arguments[a]);
        }
        int[] firstSeen = new int[rowCount];
        long newBytes = 0;
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
                newBytes += heapBytes(parts);
            }
        }
        memory.add(newBytes); // after the fact: at most one batch's values beyond the limit before it fails
        inner.add(arguments, firstSeen, rowCount);
    }

    /** A remembered pair in the set: entry, key, array, boxed group and each value (text at its length). */
    private static long heapBytes(Object[] parts) {
        long bytes = 64 + 32 + 16 + parts.length * 40L;
        for (Object part : parts) {
            if (part instanceof String text) {
                bytes += text.length();
            } else if (part instanceof byte[] binary) {
                bytes += binary.length;
            }
        }
        return bytes;
    }

    @Override
    public Column result(int groupCount) {
        return inner.result(groupCount);
    }
}
