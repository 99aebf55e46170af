package io.strata.sql.plan;

import io.strata.common.type.DataType;
import io.strata.compute.expression.Expr;
import io.strata.compute.plan.AggregateCall;
import io.strata.compute.plan.AggregateFunction;
import io.strata.compute.plan.JoinType;
import io.strata.compute.plan.OutputColumn;
import io.strata.compute.plan.PhysicalNode;
import io.strata.compute.plan.SortKey;
import io.strata.sql.catalog.MemoryTable;
import io.strata.sql.catalog.StrataTable;
import io.strata.sql.catalog.TypeMapping;
import io.strata.txn.TableSnapshot;
import io.strata.txn.Transaction;
import io.strata.txn.catalog.ColumnDefinition;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates an optimized logical plan into compute-nodes' {@link PhysicalNode} tree. LIMIT/OFFSET
 * parameters are bound from {@code parameters} here (they size the plan, not the data).
 */
public final class RelToPhysical {
    private final RexBuilder rexBuilder;
    private final Transaction transaction;
    private final List<Object> parameters;
    private boolean reusable = true;
    /** The working rows of the recursive CTEs being translated, by their transient table's name. */
    private final java.util.Map<List<String>, io.strata.compute.plan.WorkingRows> workingTables = new java.util.HashMap<>();

    /**
     * @param transaction the transaction whose snapshots the scans read (a cached plan is translated
     *                    again for each execution, in that execution's transaction)
     */
    public RelToPhysical(RexBuilder rexBuilder, Transaction transaction, List<Object> parameters) {
        this.rexBuilder = rexBuilder;
        this.transaction = transaction;
        this.parameters = parameters;
    }

    public PhysicalNode translate(RelNode rel) {
        if (rel instanceof TableScan scan) {
            return scan(scan, null);
        }
        if (rel instanceof Project project) {
            return project(project);
        }
        if (rel instanceof Filter filter) {
            return filter(filter);
        }
        if (rel instanceof Aggregate aggregate) {
            return aggregate(aggregate);
        }
        if (rel instanceof Join join) {
            return join(join);
        }
        if (rel instanceof Sort sort) {
            return sort(sort);
        }
        if (rel instanceof Values values) {
            return values(values);
        }
        if (rel instanceof Union union) {
            List<PhysicalNode> inputs = new ArrayList<>();
            for (RelNode input : union.getInputs()) {
                inputs.add(translate(input));
            }
            return new PhysicalNode.Union(inputs, union.all, outputOf(rel));
        }
        if (rel instanceof org.apache.calcite.rel.core.RepeatUnion repeat) {
            return recursiveUnion(repeat);
        }
        if (rel instanceof org.apache.calcite.rel.core.TableSpool spool) {
            return translate(spool.getInput()); // the recursive union keeps the rows itself
        }
        if (rel instanceof org.apache.calcite.rel.core.Window window) {
            return WindowTranslation.translate(window, translate(window.getInput()), rexBuilder, this::frameOffset);
        }
        if (rel instanceof org.apache.calcite.rel.core.SetOp setOp
                && (rel instanceof org.apache.calcite.rel.core.Intersect || rel instanceof org.apache.calcite.rel.core.Minus)) {
            // the ALL forms (the planner rewrote the DISTINCT ones into aggregates)
            List<PhysicalNode> inputs = new ArrayList<>();
            for (RelNode input : setOp.getInputs()) {
                inputs.add(translate(input));
            }
            return new PhysicalNode.SetOperation(inputs, rel instanceof org.apache.calcite.rel.core.Intersect, outputOf(rel));
        }
        throw UnsupportedFeature.of(rel.getRelTypeName());
    }

    /**
     * A filter; over a scan whose primary key it pins to constants, the scan becomes a key lookup (the
     * filter stays above it and decides exactly, e.g. for the rest of the condition); over another scan,
     * its comparisons with constants become ranges the scan prunes blocks with.
     */
    /**
     * Whether the plans translated so far hold nothing of this execution but the transaction's table
     * snapshots (no parameter values, no in-memory table rows), so that {@link PhysicalPlanTemplate} may
     * bind them to other transactions.
     */
    public boolean reusable() {
        return reusable;
    }

    private PhysicalNode filter(Filter filter) {
        PhysicalNode input = translate(filter.getInput());
        RexToExpr translator = expressions(input);
        if (input instanceof PhysicalNode.Scan scan) {
            KeyLookupMatcher.Match match = KeyLookupMatcher.match(scan, filter.getCondition());
            if (match != null) {
                List<Expr> keyValues = new ArrayList<>(match.key().length);
                for (RexNode value : match.key()) {
                    keyValues.add(translator.translate(value));
                }
                input = new PhysicalNode.KeyLookup(scan, keyValues, match.uniqueIndex());
            } else {
                List<ScanRangeMatcher.Bound> bounds = ScanRangeMatcher.match(scan, filter.getCondition(), rexBuilder);
                if (!bounds.isEmpty()) {
                    input = scan.withRanges(ScanRangeMatcher.translate(bounds, translator::translate));
                }
            }
        }
        return new PhysicalNode.Filter(input, translator.translate(filter.getCondition()));
    }

    private RexToExpr expressions(PhysicalNode input) {
        return new RexToExpr(rexBuilder, input.output());
    }

    /** A scan of {@code columns} (all columns when null); the row id column is requested as withRowId. */
    /** WITH RECURSIVE: the seed, then the recursive part over the previous iteration's rows (never kept: see WorkingRows). */
    private PhysicalNode recursiveUnion(org.apache.calcite.rel.core.RepeatUnion repeat) {
        reusable = false;
        PhysicalNode seed = translate(repeat.getSeedRel());
        io.strata.compute.plan.WorkingRows working = new io.strata.compute.plan.WorkingRows();
        workingTables.put(repeat.getTransientTable().getQualifiedName(), working);
        PhysicalNode recursive = translate(repeat.getIterativeRel());
        return new PhysicalNode.RecursiveUnion(seed, recursive, working, repeat.all, MAX_RECURSION_DEPTH, outputOf(repeat));
    }

    /** MySQL's default cte_max_recursion_depth. */
    static final long MAX_RECURSION_DEPTH = 1000;

    private PhysicalNode scan(TableScan scan, int[] columns) {
        io.strata.compute.plan.WorkingRows working = workingTables.get(scan.getTable().getQualifiedName());
        if (working != null) {
            PhysicalNode rows = new PhysicalNode.WorkingTable(working, outputOf(scan));
            if (columns == null) {
                return rows;
            }
            List<Expr> picked = new ArrayList<>();
            List<OutputColumn> output = new ArrayList<>();
            for (int column : columns) {
                picked.add(new Expr.ColumnRef(column, rows.output().get(column).type()));
                output.add(rows.output().get(column));
            }
            return new PhysicalNode.Project(rows, picked, output);
        }
        MemoryTable memory = scan.getTable().unwrap(MemoryTable.class);
        if (memory != null) {
            return memoryScan(memory, columns);
        }
        StrataTable table = scan.getTable().unwrap(StrataTable.class);
        if (table == null) {
            throw new IllegalStateException("unknown table kind: " + scan.getTable().getQualifiedName());
        }
        List<ColumnDefinition> definitions = table.definition().columns();
        if (columns == null) {
            int count = definitions.size() + (table.withRowId() ? 1 : 0);
            columns = java.util.stream.IntStream.range(0, count).toArray();
        }
        List<Integer> tableColumns = new ArrayList<>();
        List<OutputColumn> output = new ArrayList<>();
        boolean withRowId = false;
        for (int column : columns) {
            if (column == definitions.size()) {
                withRowId = true;
                continue;
            }
            if (withRowId) {
                return null; // the row id must come last; the caller falls back to a projection
            }
            ColumnDefinition definition = definitions.get(column);
            tableColumns.add(column);
            output.add(new OutputColumn(definition.name(), definition.type(), definition.nullable()));
        }
        if (withRowId) {
            output.add(new OutputColumn(TableSnapshot.ROW_ID_COLUMN, DataType.BIGINT, false));
        }
        int[] indexes = tableColumns.stream().mapToInt(Integer::intValue).toArray();
        TableSnapshot snapshot = transaction.table(table.definition().database(), table.definition().name());
        return new PhysicalNode.Scan(snapshot, indexes, withRowId, output);
    }

    private PhysicalNode memoryScan(MemoryTable table, int[] columns) {
        reusable = false; // the table's rows become literals of this plan
        int width = table.columnNames().size();
        int[] picked = columns == null ? java.util.stream.IntStream.range(0, width).toArray() : columns;
        List<OutputColumn> output = new ArrayList<>();
        for (int column : picked) {
            output.add(new OutputColumn(table.columnNames().get(column), table.columnTypes().get(column), true));
        }
        List<List<Expr>> rows = new ArrayList<>();
        for (Object[] row : table.rows()) {
            List<Expr> values = new ArrayList<>(picked.length);
            for (int column : picked) {
                values.add(new Expr.Literal(row[column], table.columnTypes().get(column)));
            }
            rows.add(values);
        }
        return new PhysicalNode.Values(rows, output);
    }

    private PhysicalNode project(Project project) {
        if (project.getInput() instanceof TableScan scan && allInputRefs(project.getProjects())) {
            int[] columns = project.getProjects().stream().mapToInt(p -> ((RexInputRef) p).getIndex()).toArray();
            PhysicalNode pruned = scan(scan, columns);
            if (pruned != null) {
                return renamed(pruned, project);
            }
        }
        PhysicalNode input = translate(project.getInput());
        RexToExpr translator = expressions(input);
        List<Expr> expressions = new ArrayList<>();
        List<OutputColumn> output = new ArrayList<>();
        List<RelDataTypeField> fields = project.getRowType().getFieldList();
        for (int i = 0; i < fields.size(); i++) {
            Expr expr = translator.translate(project.getProjects().get(i));
            expressions.add(expr);
            output.add(new OutputColumn(fields.get(i).getName(), expr.type(), fields.get(i).getType().isNullable()));
        }
        return new PhysicalNode.Project(input, expressions, output);
    }

    /** A scan whose columns carry the projection's names (a projection that only renames is dropped). */
    private static PhysicalNode renamed(PhysicalNode scanned, Project project) {
        List<RelDataTypeField> fields = project.getRowType().getFieldList();
        boolean same = true;
        for (int i = 0; i < fields.size(); i++) {
            same &= fields.get(i).getName().equals(scanned.output().get(i).name());
        }
        if (same) {
            return scanned;
        }
        List<Expr> expressions = new ArrayList<>();
        List<OutputColumn> output = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            OutputColumn column = scanned.output().get(i);
            expressions.add(new Expr.ColumnRef(i, column.type()));
            output.add(new OutputColumn(fields.get(i).getName(), column.type(), column.nullable()));
        }
        return new PhysicalNode.Project(scanned, expressions, output);
    }

    private static boolean allInputRefs(List<RexNode> projects) {
        return projects.stream().allMatch(p -> p instanceof RexInputRef);
    }

    private PhysicalNode aggregate(Aggregate aggregate) {
        if (aggregate.getGroupType() != Aggregate.Group.SIMPLE) {
            throw UnsupportedFeature.of("GROUPING SETS, ROLLUP or CUBE");
        }
        PhysicalNode input = translate(aggregate.getInput());
        int[] groupKeys = aggregate.getGroupSet().toArray();
        List<AggregateCall> calls = new ArrayList<>();
        for (org.apache.calcite.rel.core.AggregateCall call : aggregate.getAggCallList()) {
            if (call.filterArg >= 0) {
                throw UnsupportedFeature.of("aggregate FILTER");
            }
            int[] arguments = call.getArgList().stream().mapToInt(Integer::intValue).toArray();
            AggregateFunction function = aggregateFunction(call, arguments.length);
            // Calcite types JSON_ARRAYAGG and JSON_OBJECTAGG as strings; MySQL's give JSON documents
            DataType type = function == AggregateFunction.JSON_ARRAYAGG || function == AggregateFunction.JSON_OBJECTAGG
                    ? DataType.JSON : TypeMapping.toDataType(call.getType());
            calls.add(new AggregateCall(function, arguments, call.isDistinct(), type));
        }
        List<OutputColumn> output = new ArrayList<>();
        List<RelDataTypeField> fields = aggregate.getRowType().getFieldList();
        for (int i = 0; i < fields.size(); i++) {
            DataType type = i < groupKeys.length
                    ? input.output().get(groupKeys[i]).type() : calls.get(i - groupKeys.length).type();
            output.add(new OutputColumn(fields.get(i).getName(), type, fields.get(i).getType().isNullable()));
        }
        return new PhysicalNode.Aggregate(input, groupKeys, calls, output);
    }

    private static AggregateFunction aggregateFunction(org.apache.calcite.rel.core.AggregateCall call, int argumentCount) {
        return switch (call.getAggregation().getKind()) {
            case COUNT -> argumentCount == 0 ? AggregateFunction.COUNT_STAR : AggregateFunction.COUNT;
            case SUM, SUM0 -> AggregateFunction.SUM;
            case AVG -> AggregateFunction.AVG;
            case MIN -> AggregateFunction.MIN;
            case MAX -> AggregateFunction.MAX;
            case ANY_VALUE, SINGLE_VALUE -> AggregateFunction.ANY_VALUE;
            // MySQL has no ABSENT ON NULL: both of Calcite's variants keep NULLs as JSON null
            case JSON_ARRAYAGG -> AggregateFunction.JSON_ARRAYAGG;
            case JSON_OBJECTAGG -> AggregateFunction.JSON_OBJECTAGG;
            default -> throw UnsupportedFeature.of("aggregate " + call.getAggregation().getName());
        };
    }

    private PhysicalNode join(Join join) {
        PhysicalNode left = translate(join.getLeft());
        PhysicalNode right = translate(join.getRight());
        JoinInfo info = join.analyzeCondition();
        List<OutputColumn> combined = new ArrayList<>(left.output());
        combined.addAll(right.output());
        Expr residual = null;
        if (!info.nonEquiConditions.isEmpty()) {
            RexNode condition = RexUtil.composeConjunction(rexBuilder, info.nonEquiConditions);
            residual = new RexToExpr(rexBuilder, combined).translate(condition);
        }
        JoinType type = switch (join.getJoinType()) {
            case INNER -> JoinType.INNER;
            case LEFT -> JoinType.LEFT;
            case RIGHT -> JoinType.RIGHT;
            case FULL -> JoinType.FULL;
            case SEMI -> JoinType.SEMI;
            case ANTI -> JoinType.ANTI;
            default -> throw UnsupportedFeature.of(join.getJoinType() + " join");
        };
        List<OutputColumn> output = new ArrayList<>();
        List<RelDataTypeField> fields = join.getRowType().getFieldList();
        for (int i = 0; i < fields.size(); i++) {
            output.add(new OutputColumn(fields.get(i).getName(), combined.get(i).type(), fields.get(i).getType().isNullable()));
        }
        return new PhysicalNode.Join(left, right, type, info.leftKeys.toIntArray(), info.rightKeys.toIntArray(), residual,
                output);
    }

    private PhysicalNode sort(Sort sort) {
        PhysicalNode result = translate(sort.getInput());
        List<SortKey> keys = new ArrayList<>();
        for (RelFieldCollation collation : sort.getCollation().getFieldCollations()) {
            keys.add(new SortKey(collation.getFieldIndex(), collation.getDirection().isDescending(),
                    collation.nullDirection == RelFieldCollation.NullDirection.FIRST));
        }
        if (!keys.isEmpty()) {
            result = new PhysicalNode.Sort(result, keys);
        }
        if (sort.offset != null || sort.fetch != null) {
            long offset = sort.offset == null ? 0 : bound(sort.offset);
            long fetch = sort.fetch == null ? -1 : bound(sort.fetch);
            result = new PhysicalNode.Limit(result, offset, fetch);
        }
        return result;
    }

    private long bound(RexNode node) {
        if (node instanceof RexLiteral literal) {
            return literal.getValueAs(BigDecimal.class).longValueExact();
        }
        if (node instanceof RexDynamicParam param && param.getIndex() < parameters.size()
                && parameters.get(param.getIndex()) instanceof Number number) {
            reusable = false; // the plan holds this execution's value
            return number.longValue();
        }
        throw UnsupportedFeature.of("LIMIT with " + node);
    }

    /** A window frame's offset given as a parameter: this execution's value, as a literal (NULL when it has none). */
    private RexNode frameOffset(RexDynamicParam param) {
        reusable = false; // the plan holds this execution's value
        Object value = param.getIndex() < parameters.size() ? parameters.get(param.getIndex()) : null;
        BigDecimal number;
        try {
            number = value instanceof Number || value instanceof String ? new BigDecimal(value.toString().strip()) : null;
        } catch (NumberFormatException e) {
            number = null; // not a number: the frame is illegal, as for a NULL
        }
        return number == null ? rexBuilder.makeNullLiteral(param.getType()) : rexBuilder.makeExactLiteral(number);
    }

    private PhysicalNode values(Values values) {
        List<OutputColumn> output = outputOf(values);
        List<List<Expr>> rows = new ArrayList<>();
        for (List<RexLiteral> tuple : values.getTuples()) {
            List<Expr> row = new ArrayList<>();
            for (int i = 0; i < tuple.size(); i++) {
                DataType type = output.get(i).type();
                row.add(new Expr.Literal(LiteralValues.value(tuple.get(i), type), type));
            }
            rows.add(row);
        }
        return new PhysicalNode.Values(rows, output);
    }

    private static List<OutputColumn> outputOf(RelNode rel) {
        List<OutputColumn> output = new ArrayList<>();
        for (RelDataTypeField field : rel.getRowType().getFieldList()) {
            output.add(new OutputColumn(field.getName(), TypeMapping.toDataType(field.getType()), field.getType().isNullable()));
        }
        return output;
    }
}
