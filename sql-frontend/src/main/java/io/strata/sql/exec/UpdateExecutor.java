package io.strata.sql.exec;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.session.StatementResult;
import io.strata.compute.expression.JavaValueConverter;
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
        List<SqlNode> expressions = new ArrayList<>(update.getSourceExpressionList().getList());
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
                updated[assigned[i]] = JavaValueConverter.convertForColumn(row[width + 1 + i], column.type(),
                        column.name(), r + 1);
            }
            if (!Objects.deepEquals(java.util.Arrays.copyOf(row, width), updated)) {
                rowIds[changed++] = (Long) row[width];
                newRows.add(updated);
            }
        }
        if (changed > 0) {
            try (VectorSchemaRoot batch = TableWriter.batch(context, table, newRows)) {
                // The new rows are checked before anything is deleted; only a key conflict found by the
                // transaction can still fail after the delete (the transaction API has no savepoints).
                context.transaction().delete(table.tableId(), java.util.Arrays.copyOf(rowIds, changed));
                context.transaction().insert(table.tableId(), batch);
            }
        }
        String info = "Rows matched: " + matched.size() + "  Changed: " + changed + "  Warnings: 0";
        return new StatementResult.Ok(changed, 0, 0, info);
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
