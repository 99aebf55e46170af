package io.strata.compute.plan;

import io.strata.common.type.DataType;
import io.strata.common.type.TypeKind;
import io.strata.compute.expression.Expr;
import io.strata.compute.expression.ScalarFunction;

import java.util.ArrayList;
import java.util.List;

/**
 * An aggregate over a parallel pipeline in two phases: each worker aggregates its rows (the partial
 * aggregate, inside the {@link PhysicalNode.Gather}), the query's thread combines the workers' groups
 * (the final aggregate): COUNTs are summed, SUMs summed, MIN of MINs, MAX of MAXes, and AVG becomes a
 * partial SUM and COUNT whose totals a projection divides at the AVG's type, rounding as AVG does.
 * DISTINCT aggregates and SINGLE_VALUE cannot be combined so: such aggregates are not split. Neither are
 * JSON_ARRAYAGG and JSON_OBJECTAGG: a partial document would reach the final phase as JSON text, and
 * reading it back makes a DECIMAL value a double (44.40 becomes 44.4), as MySQL's JSON parser does.
 */
final class AggregateSplit {
    private AggregateSplit() {}

    /** The two-phase form of {@code aggregate} over {@code workers} copies of its input, or null if it cannot split. */
    static PhysicalNode split(PhysicalNode.Aggregate aggregate, int workers) {
        List<OutputColumn> input = aggregate.input().output();
        int keys = aggregate.groupKeys().length;
        List<AggregateCall> partialCalls = new ArrayList<>();
        List<OutputColumn> partialOutput = new ArrayList<>();
        for (int key : aggregate.groupKeys()) {
            partialOutput.add(input.get(key));
        }
        List<AggregateCall> finalCalls = new ArrayList<>();
        List<Expr> projections = new ArrayList<>();
        List<OutputColumn> finalOutput = new ArrayList<>(aggregate.output().subList(0, keys));
        for (int k = 0; k < keys; k++) {
            projections.add(new Expr.ColumnRef(k, aggregate.output().get(k).type()));
        }
        for (int c = 0; c < aggregate.calls().size(); c++) {
            AggregateCall call = aggregate.calls().get(c);
            OutputColumn result = aggregate.output().get(keys + c);
            if (call.distinct()) {
                return null;
            }
            int partialColumn = keys + partialCalls.size();
            int finalColumn = keys + finalCalls.size();
            switch (call.function()) {
                case COUNT_STAR, COUNT -> {
                    partialCalls.add(call);
                    partialOutput.add(new OutputColumn(result.name(), DataType.BIGINT, false));
                    finalCalls.add(new AggregateCall(AggregateFunction.SUM0, new int[] {partialColumn}, false, call.type()));
                    finalOutput.add(result);
                    projections.add(new Expr.ColumnRef(finalColumn, call.type()));
                }
                case SUM, SUM0, MIN, MAX, ANY_VALUE -> {
                    partialCalls.add(call);
                    partialOutput.add(new OutputColumn(result.name(), call.type(), true));
                    finalCalls.add(new AggregateCall(call.function(), new int[] {partialColumn}, false, call.type()));
                    finalOutput.add(result);
                    projections.add(new Expr.ColumnRef(finalColumn, call.type()));
                }
                case AVG -> {
                    DataType sumType = averageSumType(input.get(call.arguments()[0]).type(), call.type());
                    if (sumType == null) {
                        return null;
                    }
                    partialCalls.add(new AggregateCall(AggregateFunction.SUM, call.arguments(), false, sumType));
                    partialCalls.add(new AggregateCall(AggregateFunction.COUNT, call.arguments(), false, DataType.BIGINT));
                    partialOutput.add(new OutputColumn(result.name() + "$sum", sumType, true));
                    partialOutput.add(new OutputColumn(result.name() + "$count", DataType.BIGINT, false));
                    finalCalls.add(new AggregateCall(AggregateFunction.SUM, new int[] {partialColumn}, false, sumType));
                    finalCalls.add(new AggregateCall(AggregateFunction.SUM0, new int[] {partialColumn + 1}, false,
                            DataType.BIGINT));
                    finalOutput.add(new OutputColumn(result.name() + "$sum", sumType, true));
                    finalOutput.add(new OutputColumn(result.name() + "$count", DataType.BIGINT, false));
                    // The sum is NULL where the count is 0, so the quotient is NULL there, as AVG's is.
                    projections.add(new Expr.Call(ScalarFunction.DIVIDE, List.of(new Expr.ColumnRef(finalColumn, sumType),
                            new Expr.ColumnRef(finalColumn + 1, DataType.BIGINT)), call.type()));
                }
                default -> {
                    return null;
                }
            }
        }
        int[] finalKeys = new int[keys];
        for (int k = 0; k < keys; k++) {
            finalKeys[k] = k;
        }
        PhysicalNode partial = new PhysicalNode.Aggregate(aggregate.input(), aggregate.groupKeys(), partialCalls, partialOutput);
        PhysicalNode combined = new PhysicalNode.Aggregate(new PhysicalNode.Gather(partial, workers), finalKeys, finalCalls,
                finalOutput);
        return new PhysicalNode.Project(combined, projections, aggregate.output());
    }

    /**
     * The type partial sums of an AVG are kept in: exact (DECIMAL at the argument's scale) for integer and
     * DECIMAL arguments of a DECIMAL average, DOUBLE for a floating one; null for other averages.
     */
    private static DataType averageSumType(DataType argument, DataType average) {
        TypeKind kind = argument.kind();
        if (average.kind() == TypeKind.DOUBLE || average.kind() == TypeKind.FLOAT) {
            return DataType.DOUBLE;
        }
        if (average.kind() == TypeKind.DECIMAL && (kind.isInteger() || kind == TypeKind.DECIMAL)) {
            return DataType.decimal(DataType.MAX_DECIMAL_PRECISION, kind == TypeKind.DECIMAL ? argument.scale() : 0);
        }
        return null;
    }
}
