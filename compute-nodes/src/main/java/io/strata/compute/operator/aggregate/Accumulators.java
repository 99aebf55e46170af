package io.strata.compute.operator.aggregate;

import io.strata.common.type.DataType;
import io.strata.compute.operator.QueryMemory;
import io.strata.compute.plan.AggregateCall;

import java.util.List;

/** Makes the accumulator for an aggregate call over arguments of the given types. */
public final class Accumulators {
    private Accumulators() {}

    /**
     * The accumulator of {@code call}; a DISTINCT one reserves the heap of the values it remembers from
     * {@code memory} (the aggregate's reservation, released when the aggregate closes).
     */
    public static Accumulator create(AggregateCall call, List<DataType> argumentTypes, QueryMemory.Reservation memory) {
        DataType first = argumentTypes.isEmpty() ? null : argumentTypes.get(0);
        Accumulator accumulator = switch (call.function()) {
            case COUNT_STAR, COUNT -> new CountAccumulator();
            case SUM -> new SumAccumulator(first, call.type(), false);
            case AVG -> new SumAccumulator(first, call.type(), true);
            case MIN -> new MinMaxAccumulator(first, false);
            case MAX -> new MinMaxAccumulator(first, true);
            case ANY_VALUE -> new AnyValueAccumulator(first);
            case SUM0 -> new ZeroIfEmptyAccumulator(new SumAccumulator(first, call.type(), false));
            case SINGLE_VALUE -> new SingleValueAccumulator(first);
            case JSON_ARRAYAGG -> new JsonArrayAccumulator();
            case JSON_OBJECTAGG -> new JsonObjectAccumulator();
        };
        return call.distinct() ? new DistinctAccumulator(accumulator, memory) : accumulator;
    }
}
