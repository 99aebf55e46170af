package io.strata.sql.exec;

import io.strata.common.session.ResultColumn;
import io.strata.common.session.RowCursor;
import io.strata.common.session.StatementResult;
import io.strata.common.type.DataType;
import io.strata.compute.operator.ExecutionContext;
import io.strata.compute.operator.Operator;
import io.strata.compute.operator.OperatorFactory;
import io.strata.compute.operator.ProfiledOperator;
import io.strata.compute.operator.QueryMemory;
import io.strata.compute.plan.PhysicalNode;
import org.apache.arrow.memory.OutOfMemoryException;
import io.strata.sql.parser.ast.SqlExplainQuery;
import io.strata.sql.plan.PlannedQuery;
import io.strata.sql.plan.UnsupportedFeature;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * MySQL's {@code EXPLAIN [ANALYZE] [FORMAT=TREE|JSON|TRADITIONAL] query}. TREE: one column {@code EXPLAIN}
 * with a row per operator ({@link PlanTree}); JSON: one row holding the plan as a JSON document
 * ({@link PlanJson}); TRADITIONAL: MySQL's twelve columns, a row per table access ({@link PlanTable}). Without
 * FORMAT, the session's {@code explain_format} decides (Strata's default: TREE). EXPLAIN plans the query as it
 * would run, in this transaction; EXPLAIN ANALYZE (tree format only, as in MySQL) also runs it to the end
 * (discarding the rows) and shows what each operator returned and how long it took.
 */
public final class ExplainExecutor {
    private ExplainExecutor() {}

    public static StatementResult execute(SqlExplainQuery explain, StatementContext context) {
        String format = explain.format() != null ? explain.format()
                : String.valueOf(context.session().variables().get("explain_format")).toUpperCase(Locale.ROOT);
        if (!format.equals("TREE") && !format.equals("JSON") && !format.equals("TRADITIONAL")) {
            throw UnsupportedFeature.of("EXPLAIN FORMAT=" + format);
        }
        if (explain.analyze() && !format.equals("TREE")) {
            throw UnsupportedFeature.of("EXPLAIN ANALYZE with " + format + " format");
        }
        PlannedQuery planned = QueryRunner.plan(explain.query(), context, null);
        PhysicalNode plan = context.parallel(planned.physicalPlan(context.transaction(), context.parameters()));
        if (format.equals("JSON")) {
            List<Object[]> document = List.<Object[]>of(new Object[] {PlanJson.render(plan)});
            return new StatementResult.Rows(List.of(ResultColumn.computed("EXPLAIN", DataType.JSON, false)), RowCursor.of(document));
        }
        if (format.equals("TRADITIONAL")) {
            return traditional(plan);
        }
        Map<PhysicalNode, ProfiledOperator> profiles = new IdentityHashMap<>();
        if (explain.analyze()) {
            run(plan, context, profiles);
        }
        List<Object[]> rows = new ArrayList<>();
        for (String line : PlanTree.render(plan, profiles)) {
            rows.add(new Object[] {line});
        }
        return new StatementResult.Rows(List.of(ResultColumn.computed("EXPLAIN", DataType.TEXT, false)), RowCursor.of(rows));
    }

    private static StatementResult traditional(PhysicalNode plan) {
        List<ResultColumn> columns = new ArrayList<>();
        for (String name : PlanTable.COLUMNS) {
            DataType type = name.equals("id") || name.equals("rows") ? DataType.BIGINT : DataType.TEXT;
            columns.add(ResultColumn.computed(name, type, true));
        }
        return new StatementResult.Rows(columns, RowCursor.of(PlanTable.rows(plan)));
    }

    private static void run(PhysicalNode plan, StatementContext context, Map<PhysicalNode, ProfiledOperator> profiles) {
        ExecutionContext execution = context.executionContext();
        try (QueryMemory memory = execution.memory();
             Operator root = OperatorFactory.create(plan, execution, (node, operator) -> {
                 ProfiledOperator profiled = new ProfiledOperator(operator);
                 profiles.put(node, profiled);
                 return profiled;
             })) {
            while (root.next() != null) {
                // the rows are dropped: only the operators' counts and times are shown (KILL QUERY stops operators)
            }
        } catch (OutOfMemoryException e) {
            throw execution.memory().exceededByStatement(e);
        }
    }
}
