package io.strata.compute.operator.aggregate;

import io.strata.compute.expression.Column;

import java.math.BigDecimal;

/** Wraps a SUM so that a group without values gives 0 rather than NULL ({@code $SUM0}). */
final class ZeroIfEmptyAccumulator implements Accumulator {
    private final Accumulator inner;

    ZeroIfEmptyAccumulator(Accumulator inner) {
        this.inner = inner;
    }

    @Override
    public void add(Column[] arguments, int[] groupIds, int rowCount) {
        inner.add(arguments, groupIds, rowCount);
    }

    @Override
    public Column result(int groupCount) {
        Column result = inner.result(groupCount);
        for (int g = 0; g < groupCount; g++) {
            if (result.isNull(g)) {
                result.set(g, switch (result.representation()) {
                    case LONG -> 0L;
                    case DOUBLE -> 0.0;
                    case OBJECT -> BigDecimal.ZERO;
                });
            }
        }
        return result;
    }
}
