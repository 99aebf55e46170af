package io.strata.sql.load;

import io.strata.common.session.RowCursor;
import io.strata.common.type.DataType;
import io.strata.sql.catalog.CatalogSchemas;
import io.strata.sql.catalog.MemoryTable;
import io.strata.sql.exec.QueryRunner;
import io.strata.sql.exec.StatementContext;
import io.strata.sql.parser.ast.SqlLoadData;
import io.strata.sql.parser.ast.VariableRefs;
import io.strata.sql.plan.PlannedQuery;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SET clause of a LOAD DATA, evaluated a batch at a time: the batch's fields become the rows of an
 * in-memory table ({@value #TABLE}; columns named after the column list, {@code @name} for variables), the
 * expressions a query over it, planned once per statement and run per batch by the vectorized operators.
 * Expressions see the fields as text, as MySQL's user variables hold them.
 */
final class LoadAssignments {
    private static final String TABLE = "fields";

    private final List<SqlLoadData.Assignment> assignments;
    private final PlannedQuery plan;
    private List<Object[]> currentRows = List.of();

    private LoadAssignments(List<SqlLoadData.Assignment> assignments, PlannedQuery plan) {
        this.assignments = assignments;
        this.plan = plan;
    }

    /** Plans the assignments that have an expression (DEFAULT ones need none); null when there are none. */
    static LoadAssignments plan(List<SqlLoadData.Assignment> assignments, List<SqlLoadData.Target> targets,
                                StatementContext context) {
        if (assignments.stream().allMatch(assignment -> assignment.expression() == null)) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (SqlLoadData.Target target : targets) {
            names.add(target.variable() ? "@" + target.name() : target.name());
        }
        Set<String> variables = targets.stream().filter(SqlLoadData.Target::variable).map(SqlLoadData.Target::name)
                .collect(Collectors.toSet());
        SqlNodeList items = new SqlNodeList(SqlParserPos.ZERO);
        for (SqlLoadData.Assignment assignment : assignments) {
            SqlNode expression = assignment.expression() == null
                    ? SqlLiteral.createNull(SqlParserPos.ZERO) : assignment.expression().accept(new FieldVariables(variables));
            items.add(expression);
        }
        SqlSelect select = new SqlSelect(SqlParserPos.ZERO, null, items,
                new SqlIdentifier(List.of(CatalogSchemas.STATEMENT_SCHEMA, TABLE), SqlParserPos.ZERO),
                null, null, null, null, null, null, null, null, null);
        LoadAssignments[] self = new LoadAssignments[1];
        MemoryTable fields = new MemoryTable(names, Collections.nCopies(names.size(), DataType.TEXT),
                () -> self[0].currentRows);
        self[0] = new LoadAssignments(assignments, QueryRunner.planWithTables(select, context, Map.of(TABLE, fields)));
        return self[0];
    }

    /**
     * The values of the assignments for {@code rows} (one Object[] of field texts per row, in column-list
     * order): result[assignment][row], as the Java classes {@link DataType} names; null for DEFAULT ones.
     */
    Object[][] evaluate(List<Object[]> rows, StatementContext context) {
        currentRows = rows;
        Object[][] values = new Object[assignments.size()][rows.size()];
        try (RowCursor cursor = QueryRunner.start(plan, context).rows()) {
            int row = 0;
            while (cursor.hasNext()) {
                Object[] result = cursor.next();
                for (int i = 0; i < values.length; i++) {
                    values[i][row] = result[i];
                }
                row++;
            }
            if (row != rows.size()) {
                throw new IllegalStateException("SET evaluation returned " + row + " rows for " + rows.size());
            }
        } finally {
            currentRows = List.of();
        }
        for (int i = 0; i < values.length; i++) {
            if (assignments.get(i).expression() == null) {
                values[i] = null;
            }
        }
        return values;
    }

    /** Replaces {@code @name} for a variable of the column list by the field's column. */
    private static final class FieldVariables extends SqlShuttle {
        private final Set<String> variables;

        FieldVariables(Set<String> variables) {
            this.variables = variables;
        }

        @Override
        public SqlNode visit(SqlCall call) {
            if (call.getOperator() == VariableRefs.USER_VARIABLE) {
                String name = ((SqlLiteral) call.operand(0)).getValueAs(String.class).toLowerCase(Locale.ROOT);
                if (variables.contains(name)) {
                    return new SqlIdentifier("@" + name, call.getParserPosition());
                }
            }
            return super.visit(call);
        }
    }
}
