package io.strata.sql.exec;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.sql.parser.SqlDeepCopy;
import io.strata.sql.parser.ast.LockMode;
import io.strata.sql.parser.ast.SqlLockingRead;
import io.strata.txn.catalog.TableDefinition;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;

import java.util.List;

/**
 * The locking half of {@code SELECT ... FOR UPDATE | FOR SHARE}: finds the rows of the one table the
 * query reads that its WHERE admits and locks them in the transaction, before the query itself runs.
 * Rows the WHERE admits but a LIMIT would cut are locked too (more than MySQL might, never fewer).
 * Joins, derived tables and unions are refused rather than left unlocked.
 */
public final class LockingReadExecutor {
    private LockingReadExecutor() {}

    public static void lockRows(SqlLockingRead locking, StatementContext context, long timeoutMillis) {
        SqlSelect select = select(locking.query());
        SqlNode from = select.getFrom();
        SqlIdentifier target;
        SqlIdentifier alias = null;
        if (from instanceof SqlIdentifier table) {
            target = table;
        } else if (from instanceof SqlBasicCall as && as.getKind() == SqlKind.AS
                && as.operand(0) instanceof SqlIdentifier table && as.operand(1) instanceof SqlIdentifier name) {
            target = table;
            alias = name;
        } else {
            throw unsupported();
        }
        TableDefinition table = TableNames.definition(context, target);
        List<Object[]> rows = QueryRunner.collect(
                RowIdQueries.select(table, SqlDeepCopy.of(target), alias, false, List.of(), SqlDeepCopy.of(select.getWhere())),
                context, TableNames.qualify(target, context.database()));
        long[] rowIds = new long[rows.size()];
        for (int i = 0; i < rowIds.length; i++) {
            rowIds[i] = (Long) rows.get(i)[0];
        }
        context.transaction().lockRows(table.tableId(), rowIds, locking.mode() == LockMode.EXCLUSIVE,
                locking.noWait() ? 0 : timeoutMillis);
    }

    private static SqlSelect select(SqlNode query) {
        if (query instanceof SqlOrderBy orderBy && orderBy.query instanceof SqlSelect select) {
            return select;
        }
        if (query instanceof SqlSelect select) {
            return select;
        }
        throw unsupported();
    }

    private static StrataException unsupported() {
        return StrataException.of(ErrorCode.ER_NOT_SUPPORTED_YET,
                "This version of Strata doesn't yet support 'FOR UPDATE/FOR SHARE over joins, derived tables or unions'");
    }
}
