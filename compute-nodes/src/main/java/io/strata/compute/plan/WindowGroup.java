package io.strata.compute.plan;

import io.strata.common.type.DataType;
import io.strata.compute.expression.Expr;

import java.util.List;

/**
 * Window calls sharing one window: rows are split by {@code partitionKeys} (input column indexes), ordered
 * by {@code orderKeys}, and each row's frame runs from {@code lower} to {@code upper}, counted in rows when
 * {@code rows}, else in order-key values (RANGE: CURRENT ROW means the row's peers, rows equal on the order
 * keys; an offset bound needs exactly one order key, numeric or temporal).
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
        if (!rows && (lower.isValueOffset() || upper.isValueOffset()) && orderKeys.size() != 1) {
            throw new IllegalArgumentException("a RANGE offset needs exactly one order key, not " + orderKeys.size());
        }
        if (rows && (lower.isValueOffset() || upper.isValueOffset())) {
            throw new IllegalArgumentException("a ROWS frame with a RANGE offset");
        }
        partitionKeys = partitionKeys.clone();
        orderKeys = List.copyOf(orderKeys);
        calls = List.copyOf(calls);
    }
}
