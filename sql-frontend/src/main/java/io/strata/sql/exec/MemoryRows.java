package io.strata.sql.exec;

import io.strata.common.session.ResultColumn;
import io.strata.common.session.RowCursor;
import io.strata.common.session.StatementResult;
import io.strata.common.type.DataType;
import io.strata.sql.session.SqlValues;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.ArrayList;
import java.util.List;

/** Results computed in memory (SHOW ...), with LIKE and WHERE filters over their first column or all columns. */
final class MemoryRows {
    private MemoryRows() {}

    static StatementResult.Rows result(List<ResultColumn> columns, List<Object[]> rows) {
        return new StatementResult.Rows(columns, RowCursor.of(rows));
    }

    static List<ResultColumn> textColumns(String... names) {
        List<ResultColumn> columns = new ArrayList<>(names.length);
        for (String name : names) {
            columns.add(ResultColumn.computed(name, DataType.varchar(1024), true));
        }
        return columns;
    }

    /** Rows whose column {@code column} matches the LIKE pattern (all rows when the pattern is null). */
    static List<Object[]> like(List<Object[]> rows, int column, String pattern) {
        if (pattern == null) {
            return rows;
        }
        LikePattern like = new LikePattern(pattern);
        return rows.stream().filter(row -> like.matches(row[column] == null ? null : row[column].toString())).toList();
    }

    /**
     * Rows for which {@code where} (over the columns by name) is true, evaluated by the query engine
     * as {@code SELECT * FROM (VALUES ...) AS t(columns) WHERE where}.
     */
    static List<Object[]> where(List<ResultColumn> columns, List<Object[]> rows, SqlNode where, StatementContext context) {
        if (where == null || rows.isEmpty()) {
            return rows;
        }
        SqlParserPos pos = SqlParserPos.ZERO;
        List<SqlNode> tuples = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            List<SqlNode> values = new ArrayList<>(row.length);
            for (Object value : row) {
                values.add(SqlValues.literal(value == null ? "" : value, pos));
            }
            tuples.add(SqlStdOperatorTable.ROW.createCall(pos, values));
        }
        List<SqlNode> operands = new ArrayList<>();
        operands.add(SqlStdOperatorTable.VALUES.createCall(pos, tuples));
        operands.add(new SqlIdentifier("t", pos));
        for (ResultColumn column : columns) {
            operands.add(new SqlIdentifier(column.name(), pos));
        }
        SqlNode from = SqlStdOperatorTable.AS.createCall(pos, operands);
        SqlNodeList star = SqlNodeList.of(SqlIdentifier.star(pos));
        SqlSelect select = new SqlSelect(pos, null, star, from, where, null, null, null, null, null, null, null, null);
        return QueryRunner.collect(select, context, null);
    }
}
