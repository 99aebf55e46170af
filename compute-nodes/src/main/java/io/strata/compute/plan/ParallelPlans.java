package io.strata.compute.plan;

import io.strata.txn.catalog.TableDefinition;

import java.util.List;

/**
 * Puts {@link PhysicalNode.Gather}s where rows may arrive in any order and a pipeline over a large table
 * feeds them: the input of an aggregate (which then aggregates in the workers too, {@link AggregateSplit}),
 * of a sort and of a hash join's build side. A pipeline is a scan
 * with filters, projections and joins whose probe side continues it (inner, left, semi and anti joins:
 * their builds are shared by the workers; right and full joins mark build rows and stay serial). Scans
 * with a range on the primary key are taken for small and stay serial, like tables under
 * {@code minRows} rows, scans for UPDATE/DELETE (row ids) and everything inside a recursive union.
 */
public final class ParallelPlans {
    private ParallelPlans() {}

    public static PhysicalNode parallelize(PhysicalNode plan, int workers, long minRows) {
        return workers < 2 ? plan : new ParallelPlans.Placer(workers, minRows).visit(plan);
    }

    private record Placer(int workers, long minRows) {
        PhysicalNode visit(PhysicalNode node) {
            return switch (node) {
                case PhysicalNode.Aggregate aggregate -> aggregate(aggregate);
                case PhysicalNode.Sort sort -> new PhysicalNode.Sort(gatherOrVisit(sort.input()), sort.keys());
                case PhysicalNode.Join join -> new PhysicalNode.Join(visit(join.left()), gatherOrVisit(join.right()),
                        join.joinType(), join.leftKeys(), join.rightKeys(), join.residual(), join.output());
                case PhysicalNode.Filter filter -> new PhysicalNode.Filter(visit(filter.input()), filter.condition());
                case PhysicalNode.Project project ->
                        new PhysicalNode.Project(visit(project.input()), project.expressions(), project.output());
                case PhysicalNode.Limit limit -> new PhysicalNode.Limit(visit(limit.input()), limit.offset(), limit.fetch());
                case PhysicalNode.Window window -> new PhysicalNode.Window(visit(window.input()), window.groups(),
                        window.output());
                case PhysicalNode.Union union -> new PhysicalNode.Union(visitAll(union.inputs()), union.all(), union.output());
                case PhysicalNode.SetOperation operation -> new PhysicalNode.SetOperation(visitAll(operation.inputs()),
                        operation.intersect(), operation.output());
                case PhysicalNode.Scan scan -> scan;
                case PhysicalNode.KeyLookup lookup -> lookup;
                case PhysicalNode.Values values -> values;
                case PhysicalNode.RecursiveUnion recursive -> recursive;
                case PhysicalNode.WorkingTable working -> working;
                case PhysicalNode.Gather gather -> gather;
            };
        }

        /** Over a parallel pipeline: aggregated in two phases where it can be, else gathered and then aggregated. */
        private PhysicalNode aggregate(PhysicalNode.Aggregate aggregate) {
            PhysicalNode.Scan driving = pipelineScan(aggregate.input());
            if (driving != null && large(driving)) {
                PhysicalNode split = AggregateSplit.split(aggregate, workers);
                if (split != null) {
                    return split;
                }
            }
            return new PhysicalNode.Aggregate(gatherOrVisit(aggregate.input()), aggregate.groupKeys(), aggregate.calls(),
                    aggregate.output());
        }

        private List<PhysicalNode> visitAll(List<PhysicalNode> inputs) {
            return inputs.stream().map(this::visit).toList();
        }

        /** A gather over {@code input} when it is a pipeline over a large table, else its own parts placed. */
        private PhysicalNode gatherOrVisit(PhysicalNode input) {
            PhysicalNode.Scan driving = pipelineScan(input);
            if (driving != null && large(driving)) {
                return new PhysicalNode.Gather(input, workers);
            }
            return visit(input);
        }

        private boolean large(PhysicalNode.Scan scan) {
            TableDefinition table = scan.table().definition();
            boolean onKey = scan.ranges().stream().anyMatch(range -> table.primaryKey().contains(range.column()));
            return !onKey && !scan.withRowId() && scan.table().estimatedRowCount() >= minRows;
        }

        /** The scan driving {@code node} if it is a pipeline the workers can split, else null. */
        private static PhysicalNode.Scan pipelineScan(PhysicalNode node) {
            return switch (node) {
                case PhysicalNode.Scan scan -> scan;
                case PhysicalNode.Filter filter -> pipelineScan(filter.input());
                case PhysicalNode.Project project -> pipelineScan(project.input());
                case PhysicalNode.Join join -> join.joinType() == JoinType.RIGHT || join.joinType() == JoinType.FULL
                        || !serialSafe(join.right()) ? null : pipelineScan(join.left());
                default -> null;
            };
        }

        /** Whether a build side may run once for all workers: no recursion state in it. */
        private static boolean serialSafe(PhysicalNode node) {
            return switch (node) {
                case PhysicalNode.RecursiveUnion recursive -> false;
                case PhysicalNode.WorkingTable working -> false;
                case PhysicalNode.Scan scan -> true;
                case PhysicalNode.KeyLookup lookup -> true;
                case PhysicalNode.Values values -> true;
                case PhysicalNode.Filter filter -> serialSafe(filter.input());
                case PhysicalNode.Project project -> serialSafe(project.input());
                case PhysicalNode.Aggregate aggregate -> serialSafe(aggregate.input());
                case PhysicalNode.Sort sort -> serialSafe(sort.input());
                case PhysicalNode.Limit limit -> serialSafe(limit.input());
                case PhysicalNode.Window window -> serialSafe(window.input());
                case PhysicalNode.Join join -> serialSafe(join.left()) && serialSafe(join.right());
                case PhysicalNode.Union union -> union.inputs().stream().allMatch(Placer::serialSafe);
                case PhysicalNode.SetOperation operation -> operation.inputs().stream().allMatch(Placer::serialSafe);
                case PhysicalNode.Gather gather -> false;
            };
        }
    }
}
