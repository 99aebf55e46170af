package io.strata.sql.exec;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.session.StatementResult;
import io.strata.compute.expression.JavaValueConverter;
import io.strata.sql.session.SqlValues;
import io.strata.txn.catalog.ColumnDefinition;
import io.strata.txn.catalog.TableDefinition;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUpdate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * UPDATE t SET c = e, ... [WHERE ...]: reads the matching rows with their row ids and the new values,
 * then deletes the rows that change and inserts their new versions. Affected rows are the changed
 * rows, as MySQL counts them.
 */
public final class UpdateExecutor {
    private UpdateExecutor() {}

    public static StatementResult.Ok execute(SqlUpdate update, StatementContext context) {
        SqlIdentifier target = (SqlIdentifier) update.getTargetTable();
        TableDefinition table = TableNames.definition(context, target);
        int[] assigned = assignedColumns(table, update);
        // Literals, parameters and DEFAULT are read directly (a bare ? has no type to validate in a select
        // list); other expressions are computed by the scan query, after the table's columns and row id.
        List<SqlNode> sources = update.getSourceExpressionList().getList();
        Object[] constants = new Object[sources.size()];
        int[] computedIndex = new int[sources.size()];
        List<SqlNode> expressions = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            java.util.Optional<Object> simple = SqlValues.simpleValue(sources.get(i), context.parameters());
            if (simple.isPresent()) {
                Object value = SqlValues.unwrap(simple.get());
                constants[i] = value == SqlValues.DEFAULT
                        ? ColumnDefaults.value(table.columns().get(assigned[i]), context.now()) : value;
                computedIndex[i] = -1;
            } else {
                computedIndex[i] = expressions.size();
                expressions.add(sources.get(i));
            }
        }
        List<Object[]> matched = QueryRunner.collect(
                RowIdQueries.select(table, target, update.getAlias(), true, expressions, update.getCondition()),
                context, TableNames.qualify(target, context.database()));
        int width = table.columns().size();
        List<Object[]> newRows = new ArrayList<>();
        long[] rowIds = new long[matched.size()];
        int changed = 0;
        for (int r = 0; r < matched.size(); r++) {
            Object[] row = matched.get(r);
            Object[] updated = java.util.Arrays.copyOf(row, width);
            for (int i = 0; i < assigned.length; i++) {
                ColumnDefinition column = table.columns().get(assigned[i]);
                Object value = computedIndex[i] < 0 ? constants[i] : row[width + 1 + computedIndex[i]];
                updated[assigned[i]] = JavaValueConverter.convertForColumn(value, column.type(), column.name(), r + 1);
            }
            if (!Objects.deepEquals(java.util.Arrays.copyOf(row, width), updated)) {
                rowIds[changed++] = (Long) row[width];
                newRows.add(updated);
            }
        }
        if (changed > 0) {
            try (VectorSchemaRoot batch = TableWriter.batch(context, table, newRows)) {
                // A failure after the delete (a key the new rows collide with) undoes the whole statement:
                // the session rolls a failed statement back to where it started.
                context.transaction().delete(table.tableId(), java.util.Arrays.copyOf(rowIds, changed));
                insertNewVersions(context, table, assigned, batch);
            }
        }
        String info = "Rows matched: " + matched.size() + "  Changed: " + changed + "  Warnings: 0";
        return new StatementResult.Ok(changed, 0, 0, info);
    }

    /**
     * Inserts the new row versions. When the UPDATE keeps every primary key and UNIQUE column, a duplicate key can
     * only come from a concurrent transaction that changed the same rows since this one's snapshot: a
     * write-write conflict, reported as MySQL reports a lost lock race (1213) so that clients retry.
     */
    private static void insertNewVersions(StatementContext context, TableDefinition table, int[] assigned,
                                          VectorSchemaRoot batch) {
        boolean keyChanged = java.util.Arrays.stream(assigned).anyMatch(column -> table.primaryKey().contains(column)
                || table.uniqueIndexes().stream().anyMatch(index -> index.columns().contains(column)));
        try {
            context.transaction().insert(table.tableId(), batch);
        } catch (StrataException e) {
            if (keyChanged || e.code() != ErrorCode.ER_DUP_ENTRY) {
                throw e;
            }
            throw new StrataException(ErrorCode.ER_LOCK_DEADLOCK,
                    "Deadlock found when trying to get lock; try restarting transaction", e);
        }
    }

    private static int[] assignedColumns(TableDefinition table, SqlUpdate update) {
        List<SqlNode> names = update.getTargetColumnList().getList();
        int[] assigned = new int[names.size()];
        for (int i = 0; i < assigned.length; i++) {
            SqlIdentifier name = (SqlIdentifier) names.get(i);
            String column = name.names.getLast();
            assigned[i] = table.columnIndex(column).orElseThrow(() ->
                    StrataException.of(ErrorCode.ER_BAD_FIELD_ERROR, "Unknown column '%s' in 'field list'", column));
        }
        return assigned;
    }
}
