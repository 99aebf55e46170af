package io.strata.compute.operator;

import io.strata.compute.plan.PhysicalNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a physical plan into a tree of running operators. The caller owns the returned root
 * operator and closes it (which closes the whole tree); nothing runs until its first {@code next()}.
 */
public final class OperatorFactory {
    private OperatorFactory() {}

    /** Hands each operator made for a plan node to whoever wants to watch it (EXPLAIN ANALYZE), or returns it. */
    @FunctionalInterface
    public interface Wrapper {
        Operator wrap(PhysicalNode node, Operator operator);
    }

    private static final Wrapper AS_IS = (node, operator) -> operator;

    public static Operator create(PhysicalNode plan, ExecutionContext context) {
        return create(plan, context, AS_IS);
    }

    /** Like {@link #create(PhysicalNode, ExecutionContext)}, passing every operator through {@code wrapper}. */
    public static Operator create(PhysicalNode plan, ExecutionContext context, Wrapper wrapper) {
        return wrapper.wrap(plan, make(plan, context, wrapper));
    }

    private static Operator make(PhysicalNode plan, ExecutionContext context, Wrapper wrapper) {
        return switch (plan) {
            case PhysicalNode.Scan scan -> new ScanOperator(scan, context);
            case PhysicalNode.Gather gather -> new GatherOperator(gather, context, wrapper);
            case PhysicalNode.KeyLookup lookup -> new KeyLookupOperator(lookup, context);
            case PhysicalNode.Values values -> new ValuesOperator(values, context);
            case PhysicalNode.Filter filter -> new FilterOperator(filter, create(filter.input(), context, wrapper), context);
            case PhysicalNode.Project project -> new ProjectOperator(project, create(project.input(), context, wrapper), context);
            case PhysicalNode.Aggregate aggregate ->
                    new HashAggregateOperator(aggregate, create(aggregate.input(), context, wrapper), context);
            case PhysicalNode.Join join -> {
                Operator left = create(join.left(), context, wrapper);
                try {
                    yield new HashJoinOperator(join, left, create(join.right(), context, wrapper), context);
                } catch (RuntimeException e) {
                    left.close();
                    throw e;
                }
            }
            case PhysicalNode.Sort sort -> new SortOperator(sort, create(sort.input(), context, wrapper), context, -1);
            case PhysicalNode.Limit limit when limit.input() instanceof PhysicalNode.Sort sort && limit.fetch() >= 0 -> {
                // ORDER BY ... LIMIT: the sort only needs to keep offset + fetch rows (top-N)
                long keep = limit.fetch() + Math.max(0, limit.offset());
                Operator sorted = wrapper.wrap(sort,
                        new SortOperator(sort, create(sort.input(), context, wrapper), context, keep < 0 ? -1 : keep));
                yield new LimitOperator(limit, sorted, context);
            }
            case PhysicalNode.Limit limit -> new LimitOperator(limit, create(limit.input(), context, wrapper), context);
            case PhysicalNode.Window window -> new WindowOperator(window, create(window.input(), context, wrapper), context);
            case PhysicalNode.RecursiveUnion recursive -> new RecursiveUnionOperator(recursive,
                    create(recursive.seed(), context, wrapper), () -> create(recursive.recursive(), context, wrapper), context);
            case PhysicalNode.WorkingTable working -> new WorkingTableOperator(working);
            case PhysicalNode.SetOperation operation -> {
                List<Operator> inputs = new ArrayList<>();
                try {
                    for (PhysicalNode input : operation.inputs()) {
                        inputs.add(create(input, context, wrapper));
                    }
                } catch (RuntimeException e) {
                    inputs.forEach(Operator::close);
                    throw e;
                }
                yield new SetOperationOperator(operation, inputs, context);
            }
            case PhysicalNode.Union union -> {
                List<Operator> inputs = new ArrayList<>();
                try {
                    for (PhysicalNode input : union.inputs()) {
                        inputs.add(create(input, context, wrapper));
                    }
                } catch (RuntimeException e) {
                    inputs.forEach(Operator::close);
                    throw e;
                }
                yield new UnionOperator(union, inputs, context);
            }
        };
    }
}
