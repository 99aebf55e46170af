package io.strata.compute.plan;

import io.strata.common.type.DataType;

import java.util.Objects;

/** One aggregate: {@code function} over input columns {@code arguments}, producing {@code type}. */
public record AggregateCall(AggregateFunction function, int[] arguments, boolean distinct, DataType type) {
    public AggregateCall {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(type, "type");
        arguments = arguments.clone();
    }
}
