package io.strata.sql.plan;

import io.strata.compute.plan.PhysicalNode;
import io.strata.txn.BatchReader;
import io.strata.txn.TableSnapshot;
import io.strata.txn.Transaction;
import io.strata.txn.catalog.TableDefinition;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A physical plan translated once and bound to each execution's transaction by swapping its scans'
 * table snapshots, so that a cached plan (a prepared statement's) is not translated from Calcite's plan
 * on every execution. Only plans that hold nothing of one execution qualify: no LIMIT/OFFSET taken from a
 * parameter, no rows of an in-memory table (see {@link RelToPhysical#reusable}). Parameters elsewhere are
 * expressions evaluated at run time, so they stay in the template.
 */
public final class PhysicalPlanTemplate {
    private final PhysicalNode template;

    /** A template of {@code plan}, holding its tables' definitions but none of its transaction's snapshots. */
    PhysicalPlanTemplate(PhysicalNode plan) {
        this.template = rebind(plan, UnboundTable::new);
    }

    /**
     * The template reading {@code transaction}'s snapshots, or null when a table's definition there is not
     * the one the template was translated with (the caller translates afresh).
     */
    PhysicalNode bind(Transaction transaction) {
        try {
            return rebind(template, definition -> snapshotOf(definition, transaction));
        } catch (DefinitionChanged e) {
            return null;
        }
    }

    private static TableSnapshot snapshotOf(TableDefinition definition, Transaction transaction) {
        TableSnapshot current = transaction.table(definition.database(), definition.name());
        if (current.definition() != definition && !current.definition().equals(definition)) {
            throw new DefinitionChanged();
        }
        return current;
    }

    /** {@code node} with each scan reading the snapshot {@code tables} gives for its table's definition. */
    private static PhysicalNode rebind(PhysicalNode node, Function<TableDefinition, TableSnapshot> tables) {
        return switch (node) {
            case PhysicalNode.Scan scan -> rebindScan(scan, tables);
            case PhysicalNode.KeyLookup lookup -> new PhysicalNode.KeyLookup(rebindScan(lookup.scan(), tables), lookup.key(),
                    lookup.uniqueIndex());
            case PhysicalNode.Values values -> values;
            case PhysicalNode.Filter filter -> new PhysicalNode.Filter(rebind(filter.input(), tables), filter.condition());
            case PhysicalNode.Project project ->
                    new PhysicalNode.Project(rebind(project.input(), tables), project.expressions(), project.output());
            case PhysicalNode.Aggregate aggregate -> new PhysicalNode.Aggregate(rebind(aggregate.input(), tables),
                    aggregate.groupKeys(), aggregate.calls(), aggregate.output());
            case PhysicalNode.Join join -> new PhysicalNode.Join(rebind(join.left(), tables),
                    rebind(join.right(), tables), join.joinType(), join.leftKeys(), join.rightKeys(), join.residual(),
                    join.output());
            case PhysicalNode.Sort sort -> new PhysicalNode.Sort(rebind(sort.input(), tables), sort.keys());
            case PhysicalNode.Limit limit -> new PhysicalNode.Limit(rebind(limit.input(), tables), limit.offset(), limit.fetch());
            case PhysicalNode.Window window -> new PhysicalNode.Window(rebind(window.input(), tables), window.groups(),
                    window.output());
            // never kept (RelToPhysical translates recursive CTEs for each execution), but the walk is total
            case PhysicalNode.RecursiveUnion recursive -> new PhysicalNode.RecursiveUnion(rebind(recursive.seed(), tables),
                    rebind(recursive.recursive(), tables), recursive.working(), recursive.all(), recursive.maxIterations(),
                    recursive.output());
            case PhysicalNode.WorkingTable working -> working;
            case PhysicalNode.SetOperation operation -> new PhysicalNode.SetOperation(
                    operation.inputs().stream().map(input -> rebind(input, tables)).toList(), operation.intersect(),
                    operation.output());
            case PhysicalNode.Gather gather -> new PhysicalNode.Gather(rebind(gather.input(), tables), gather.workers());
            case PhysicalNode.Union union -> {
                List<PhysicalNode> inputs = new ArrayList<>(union.inputs().size());
                for (PhysicalNode input : union.inputs()) {
                    inputs.add(rebind(input, tables));
                }
                yield new PhysicalNode.Union(inputs, union.all(), union.output());
            }
        };
    }

    private static PhysicalNode.Scan rebindScan(PhysicalNode.Scan scan, Function<TableDefinition, TableSnapshot> tables) {
        return new PhysicalNode.Scan(tables.apply(scan.table().definition()), scan.columns(), scan.withRowId(), scan.output(),
                scan.ranges());
    }

    /**
     * A table of a template: its definition only, so that a cached template keeps no transaction (nor its
     * workspace) alive. Reading it is a bug: templates are bound before they run.
     */
    private record UnboundTable(TableDefinition definition) implements TableSnapshot {
        @Override
        public BatchReader scan(int[] columns, boolean withRowId) {
            throw new IllegalStateException("a plan template was run without being bound to a transaction");
        }

        @Override
        public long estimatedRowCount() {
            throw new IllegalStateException("a plan template was run without being bound to a transaction");
        }
    }

    /** A table's definition differs from the template's; unwinds the rebinding walk. */
    private static final class DefinitionChanged extends RuntimeException {
        DefinitionChanged() {
            super(null, null, false, false);
        }
    }
}
