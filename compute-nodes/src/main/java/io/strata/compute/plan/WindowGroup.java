package io.strata.compute.plan;

import io.strata.common.type.DataType;
import io.strata.compute.expression.Expr;

import java.util.List;

/**
 * Window calls sharing one window: rows are split by {@code partitionKeys} (input column indexes), ordered
 * by {@code orderKeys}, and each row's frame runs from {@code lower} to {@code upper}, counted in rows when
 * {@code rows}, else in peers (rows equal on the order keys: RANGE, whose only offsets are UNBOUNDED and
 * CURRENT ROW here).
 */
public record WindowGroup(int[] partitionKeys, List<SortKey> orderKeys, boolean rows, FrameBound lower, FrameBound upper,
                          List<Call> calls) {
    /** One call: its function, its arguments (input column references or literals) and result type. */
    public record Call(WindowFunction function, List<Expr> arguments, DataType type) {
        public Call {
            arguments = List.copyOf(arguments);
        }
    }

    public WindowGroup {
        partitionKeys = partitionKeys.clone();
        orderKeys = List.copyOf(orderKeys);
        calls = List.copyOf(calls);
    }
}
