package io.strata.sql.exec;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.session.ResultColumn;
import io.strata.common.session.RowCursor;
import io.strata.compute.operator.ExecutionContext;
import io.strata.compute.operator.Operator;
import io.strata.compute.operator.OperatorFactory;
import io.strata.compute.operator.OperatorRowCursor;
import io.strata.compute.plan.PhysicalNode;
import io.strata.sql.catalog.CatalogSchemas;
import io.strata.sql.plan.PlannedQuery;
import io.strata.sql.plan.QueryPlanner;
import io.strata.sql.plan.ValidationErrors;
import io.strata.sql.session.SessionBinder;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.runtime.CalciteException;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.ArrayList;
import java.util.List;

/** Plans and runs queries: bind session values, validate, optimize, translate, and start the operators. */
public final class QueryRunner {
    private QueryRunner() {}

    /** A running query: its result columns, its rows, and whether it reads tables only by primary key. */
    public record OpenQuery(List<ResultColumn> columns, RowCursor rows, boolean keyedOnly) {}

    /**
     * Binds, validates and optimizes {@code query}.
     *
     * @param rowIdTable the table whose row ids the query may select (UPDATE/DELETE), or null
     */
    public static PlannedQuery plan(SqlNode query, StatementContext context, TableNames.QualifiedName rowIdTable) {
        return planInSchema(query, context, CatalogSchemas.build(context.transaction(),
                rowIdTable == null ? null : rowIdTable.database(), rowIdTable == null ? null : rowIdTable.table()));
    }

    /**
     * Plans {@code query} with {@code statementTables} (in-memory tables of one statement, such as the rows
     * LOAD DATA read) visible as schema {@link CatalogSchemas#STATEMENT_SCHEMA}.
     */
    public static PlannedQuery planWithTables(SqlNode query, StatementContext context,
                                              java.util.Map<String, org.apache.calcite.schema.Table> statementTables) {
        return planInSchema(query, context, CatalogSchemas.build(context.transaction(), null, null, statementTables));
    }

    private static PlannedQuery planInSchema(SqlNode query, StatementContext context,
                                             org.apache.calcite.jdbc.CalciteSchema schema) {
        SessionBinder binder = new SessionBinder(context.session(), context.text());
        SqlNode bound = binder.bind(query);
        QueryPlanner planner = new QueryPlanner(schema, context.database());
        try {
            return planner.plan(bound).withSessionDependent(binder.sessionValuesUsed());
        } catch (CalciteContextException e) {
            throw ValidationErrors.translate(e, context.database(), context.text().slice(new SqlParserPos(
                    e.getPosLine(), e.getPosColumn(), e.getEndPosLine(), e.getEndPosColumn())));
        } catch (CalciteException e) {
            throw new StrataException(ErrorCode.ER_WRONG_ARGUMENTS, e.getMessage(), e);
        } catch (AssertionError e) {
            // Calcite met a shape it cannot convert
            String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw new StrataException(ErrorCode.ER_NOT_SUPPORTED_YET,
                    "This version of Strata doesn't yet support this query: " + message, e);
        }
    }

    /** The plan kept in the context's plan slot, else a shared or new one (kept there when it can be). */
    private static PlannedQuery planOrReuse(SqlNode query, StatementContext context, TableNames.QualifiedName rowIdTable) {
        PlanSlot slot = context.planSlot();
        if (slot == null) {
            return plan(query, context, rowIdTable);
        }
        PlannedQuery kept = slot.get();
        if (kept != null) {
            return kept;
        }
        long epoch = slot.currentEpoch();
        PlannedQuery planned = slot.sharedOr(context, () -> plan(query, context, rowIdTable));
        slot.keep(planned, epoch);
        return planned;
    }

    /** Translates a planned query in the context's transaction and starts it. */
    public static OpenQuery start(PlannedQuery planned, StatementContext context) {
        PhysicalNode plan = context.parallel(planned.physicalPlan(context.transaction(), context.parameters()));
        List<ResultColumn> columns = ResultColumns.of(planned, plan, context.transaction().catalog());
        ExecutionContext execution = context.executionContext();
        Operator operator;
        try {
            operator = OperatorFactory.create(plan, execution);
        } catch (RuntimeException e) {
            execution.memory().close();
            throw e;
        }
        return new OpenQuery(columns, new OperatorRowCursor(operator, execution.memory()), keyedOnly(plan));
    }

    /** Whether every table the plan reads is read by key lookup (no scan anywhere). */
    private static boolean keyedOnly(PhysicalNode plan) {
        return switch (plan) {
            case PhysicalNode.Scan scan -> false;
            case PhysicalNode.KeyLookup lookup -> true;
            case PhysicalNode.Values values -> true;
            case PhysicalNode.Filter filter -> keyedOnly(filter.input());
            case PhysicalNode.Project project -> keyedOnly(project.input());
            case PhysicalNode.Limit limit -> keyedOnly(limit.input());
            case PhysicalNode.Window window -> keyedOnly(window.input());
            case PhysicalNode.RecursiveUnion recursive -> false;
            case PhysicalNode.WorkingTable working -> true;
            case PhysicalNode.Sort sort -> keyedOnly(sort.input());
            case PhysicalNode.Aggregate aggregate -> keyedOnly(aggregate.input());
            case PhysicalNode.Join join -> keyedOnly(join.left()) && keyedOnly(join.right());
            case PhysicalNode.Union union -> union.inputs().stream().allMatch(QueryRunner::keyedOnly);
            case PhysicalNode.Gather gather -> keyedOnly(gather.input());
            case PhysicalNode.SetOperation operation -> operation.inputs().stream().allMatch(QueryRunner::keyedOnly);
        };
    }

    public static OpenQuery open(SqlNode query, StatementContext context) {
        return start(plan(query, context, null), context);
    }

    /** Runs a query to the end and returns its rows (for DML and SET, whose results are small or must be complete). */
    public static List<Object[]> collect(SqlNode query, StatementContext context, TableNames.QualifiedName rowIdTable) {
        OpenQuery open = start(planOrReuse(query, context, rowIdTable), context);
        List<Object[]> rows = new ArrayList<>();
        try (RowCursor cursor = open.rows()) {
            while (cursor.hasNext()) {
                rows.add(cursor.next().clone());
            }
        }
        return rows;
    }
}
