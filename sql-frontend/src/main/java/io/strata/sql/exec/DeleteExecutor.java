package io.strata.sql.exec;

import io.strata.common.session.StatementResult;
import io.strata.txn.catalog.TableDefinition;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;

import java.util.List;

/** DELETE FROM t [WHERE ...]: selects the row ids of the matching rows and deletes them. */
public final class DeleteExecutor {
    private DeleteExecutor() {}

    public static StatementResult.Ok execute(SqlDelete delete, StatementContext context) {
        SqlIdentifier target = (SqlIdentifier) delete.getTargetTable();
        TableDefinition table = TableNames.definition(context, target);
        List<Object[]> rows = QueryRunner.collect(
                RowIdQueries.select(table, target, delete.getAlias(), false, List.of(), delete.getCondition()),
                context, TableNames.qualify(target, context.database()));
        long[] rowIds = new long[rows.size()];
        for (int i = 0; i < rowIds.length; i++) {
            rowIds[i] = (Long) rows.get(i)[0];
        }
        if (rowIds.length > 0) {
            context.transaction().delete(table.tableId(), rowIds);
        }
        return StatementResult.Ok.of(rowIds.length);
    }
}
