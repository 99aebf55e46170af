package io.strata.sql.load;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.sql.parser.ast.SqlLoadData;
import io.strata.txn.catalog.TableDefinition;

import java.util.Arrays;
import java.util.List;

/**
 * Where each column of the table gets its value in one LOAD DATA: from a field of the file (the column
 * list, or all columns in order without one), from a SET expression (which wins over a field), or from its
 * default. Fields read into {@code @variables} feed SET expressions only.
 *
 * @param fieldOfColumn      per table column, the index of the field it is read from, or -1
 * @param assignmentOfColumn per table column, the index of its SET assignment, or -1
 * @param targets            the fields of a row, in file order (column or variable names)
 */
public record LoadColumnSources(int[] fieldOfColumn, int[] assignmentOfColumn, List<SqlLoadData.Target> targets) {
    public static LoadColumnSources of(TableDefinition table, List<SqlLoadData.Target> given,
                                       List<SqlLoadData.Assignment> assignments) {
        List<SqlLoadData.Target> targets = given.isEmpty()
                ? table.columns().stream().map(column -> new SqlLoadData.Target(column.name(), false)).toList()
                : given;
        int[] fieldOfColumn = new int[table.columns().size()];
        int[] assignmentOfColumn = new int[table.columns().size()];
        Arrays.fill(fieldOfColumn, -1);
        Arrays.fill(assignmentOfColumn, -1);
        for (int field = 0; field < targets.size(); field++) {
            SqlLoadData.Target target = targets.get(field);
            if (!target.variable()) {
                fieldOfColumn[columnIndex(table, target.name())] = field;
            }
        }
        for (int i = 0; i < assignments.size(); i++) {
            assignmentOfColumn[columnIndex(table, assignments.get(i).column())] = i;
        }
        return new LoadColumnSources(fieldOfColumn, assignmentOfColumn, List.copyOf(targets));
    }

    private static int columnIndex(TableDefinition table, String name) {
        return table.columnIndex(name).orElseThrow(() ->
                StrataException.of(ErrorCode.ER_BAD_FIELD_ERROR, "Unknown column '%s' in 'field list'", name));
    }

    /** Fields a row should have. */
    public int fieldCount() {
        return targets.size();
    }
}
