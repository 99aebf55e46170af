package io.strata.sql.exec;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.session.StatementResult;
import io.strata.sql.session.SqlValues;
import io.strata.txn.catalog.ColumnDefinition;
import io.strata.txn.catalog.TableDefinition;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * INSERT [INTO] t [(columns)] VALUES ... | SELECT ...: computes the rows, fills DEFAULTs and
 * AUTO_INCREMENT values, then hands one batch of the table's exact columns to the transaction.
 */
public final class InsertExecutor {
    private InsertExecutor() {}

    public static StatementResult.Ok execute(SqlInsert insert, StatementContext context) {
        TableDefinition table = TableNames.definition(context, (SqlIdentifier) insert.getTargetTable());
        int[] targets = targetColumns(table, insert.getTargetColumnList());
        List<Object[]> sourceRows = sourceRows(insert.getSource(), targets.length, context);
        List<Object[]> rows = new ArrayList<>(sourceRows.size());
        for (int r = 0; r < sourceRows.size(); r++) {
            rows.add(fullRow(table, targets, sourceRows.get(r), r + 1, context));
        }
        long firstGenerated = AutoIncrements.assign(table, rows, context.transaction());
        TableWriter.insert(context, table, rows);
        if (firstGenerated > 0) {
            context.session().lastInsertId(firstGenerated);
        }
        return new StatementResult.Ok(rows.size(), Math.max(firstGenerated, 0), 0, "");
    }

    private static int[] targetColumns(TableDefinition table, SqlNodeList names) {
        if (names == null || names.isEmpty()) {
            return java.util.stream.IntStream.range(0, table.columns().size()).toArray();
        }
        int[] targets = new int[names.size()];
        for (int i = 0; i < targets.length; i++) {
            SqlIdentifier name = (SqlIdentifier) names.get(i);
            String column = name.names.get(name.names.size() - 1);
            targets[i] = table.columnIndex(column).orElseThrow(() ->
                    StrataException.of(ErrorCode.ER_BAD_FIELD_ERROR, "Unknown column '%s' in 'field list'", column));
        }
        return targets;
    }

    private static List<Object[]> sourceRows(SqlNode source, int width, StatementContext context) {
        if (source.getKind() != SqlKind.VALUES) {
            List<Object[]> rows = QueryRunner.collect(source, context, null);
            if (!rows.isEmpty() && rows.get(0).length != width) {
                throw columnCountMismatch(1);
            }
            return rows;
        }
        List<SqlNode> tuples = ((SqlCall) source).getOperandList();
        List<Object[]> rows = new ArrayList<>(tuples.size());
        for (int r = 0; r < tuples.size(); r++) {
            List<SqlNode> values = ((SqlCall) tuples.get(r)).getOperandList();
            if (values.size() != width) {
                throw columnCountMismatch(r + 1);
            }
            rows.add(rowValues(values, context));
        }
        return rows;
    }

    /** Literals and parameters are read directly; other expressions are computed by a one-row query. */
    private static Object[] rowValues(List<SqlNode> values, StatementContext context) {
        Object[] row = new Object[values.size()];
        List<Integer> computed = new ArrayList<>();
        for (int i = 0; i < row.length; i++) {
            Optional<Object> simple = SqlValues.simpleValue(values.get(i), context.parameters());
            if (simple.isPresent()) {
                row[i] = SqlValues.unwrap(simple.get());
            } else {
                computed.add(i);
            }
        }
        if (!computed.isEmpty()) {
            SqlNodeList items = new SqlNodeList(SqlParserPos.ZERO);
            computed.forEach(i -> items.add(values.get(i)));
            SqlSelect select = new SqlSelect(SqlParserPos.ZERO, null, items, null, null, null, null, null, null, null, null,
                    null, null);
            Object[] result = QueryRunner.collect(select, context, null).get(0);
            for (int k = 0; k < computed.size(); k++) {
                row[computed.get(k)] = result[k];
            }
        }
        return row;
    }

    private static Object[] fullRow(TableDefinition table, int[] targets, Object[] source, int rowNumber,
                                    StatementContext context) {
        List<ColumnDefinition> columns = table.columns();
        Object[] row = new Object[columns.size()];
        boolean[] given = new boolean[columns.size()];
        for (int i = 0; i < targets.length; i++) {
            if (source[i] != SqlValues.DEFAULT) {
                row[targets[i]] = source[i];
                given[targets[i]] = true;
            }
        }
        for (int c = 0; c < columns.size(); c++) {
            ColumnDefinition column = columns.get(c);
            if (!given[c]) {
                if (!ColumnDefaults.hasDefault(column)) {
                    throw StrataException.of(ErrorCode.ER_NO_DEFAULT_FOR_FIELD, "Field '%s' doesn't have a default value",
                            column.name());
                }
                row[c] = column.autoIncrement() ? null : ColumnDefaults.value(column, context.now());
            } else if (row[c] == null && !column.nullable() && !column.autoIncrement()) {
                throw StrataException.of(ErrorCode.ER_BAD_NULL_ERROR, "Column '%s' cannot be null", column.name());
            }
        }
        return row;
    }

    private static StrataException columnCountMismatch(int row) {
        return StrataException.of(ErrorCode.ER_WRONG_VALUE_COUNT_ON_ROW, "Column count doesn't match value count at row %d", row);
    }
}
