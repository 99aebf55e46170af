package io.strata.sql.exec;

import io.strata.txn.TableSnapshot;
import io.strata.txn.catalog.ColumnDefinition;
import io.strata.txn.catalog.TableDefinition;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;

/**
 * The scan of an UPDATE or DELETE as a query: {@code SELECT <columns>, __rowid, <extra> FROM t [AS a] WHERE c},
 * planned like any query so that WHERE gets the same validation and pushdown.
 */
final class RowIdQueries {
    private RowIdQueries() {}

    static SqlSelect select(TableDefinition table, SqlNode target, SqlIdentifier alias, boolean withColumns,
                            List<SqlNode> extra, SqlNode condition) {
        String qualifier = alias != null ? alias.getSimple() : ((SqlIdentifier) target).names.getLast();
        SqlNodeList items = new SqlNodeList(SqlParserPos.ZERO);
        if (withColumns) {
            for (ColumnDefinition column : table.columns()) {
                items.add(new SqlIdentifier(List.of(qualifier, column.name()), SqlParserPos.ZERO));
            }
        }
        items.add(new SqlIdentifier(List.of(qualifier, TableSnapshot.ROW_ID_COLUMN), SqlParserPos.ZERO));
        extra.forEach(items::add);
        SqlNode from = alias == null ? target : SqlStdOperatorTable.AS.createCall(SqlParserPos.ZERO, target, alias);
        return new SqlSelect(SqlParserPos.ZERO, null, items, from, condition, null, null, null, null, null, null, null,
                null);
    }
}
