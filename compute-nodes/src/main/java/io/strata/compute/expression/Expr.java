package io.strata.compute.expression;

import io.strata.common.type.DataType;

import java.util.List;
import java.util.Objects;

/**
 * A scalar expression, evaluated a batch at a time by the compute layer. Immutable.
 */
public sealed interface Expr {
    DataType type();

    /** The input column at {@code index}. */
    record ColumnRef(int index, DataType type) implements Expr {}

    /** A constant; {@code value} is of the Java class {@link DataType} names for {@code type}, or null. */
    record Literal(Object value, DataType type) implements Expr {}

    /** The {@code index}-th (0-based) parameter of a prepared statement, bound at execution. */
    record Parameter(int index, DataType type) implements Expr {}

    /** A function or operator applied to arguments; CAST is a call whose target is {@link #type()}. */
    record Call(ScalarFunction function, List<Expr> arguments, DataType type) implements Expr {
        public Call {
            Objects.requireNonNull(function, "function");
            arguments = List.copyOf(arguments);
        }
    }
}
