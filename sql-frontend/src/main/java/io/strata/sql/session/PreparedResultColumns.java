package io.strata.sql.session;

import io.strata.common.session.ResultColumn;
import io.strata.common.type.DataType;
import io.strata.sql.catalog.TypeMapping;
import io.strata.sql.plan.PlannedQuery;
import io.strata.txn.catalog.CatalogSnapshot;
import io.strata.txn.catalog.ColumnDefinition;
import io.strata.txn.catalog.TableDefinition;
import org.apache.calcite.rel.type.RelDataTypeField;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The column definitions COM_STMT_PREPARE answers with: the validated names and types, and for a table
 * column its database, table and original name, as the executed query's columns carry them (clients
 * such as Connector/J read the table of each column from the prepare response).
 */
final class PreparedResultColumns {
    private PreparedResultColumns() {}

    static List<ResultColumn> of(PlannedQuery plan, CatalogSnapshot catalog) {
        List<RelDataTypeField> fields = plan.rowType().getFieldList();
        List<ResultColumn> columns = new ArrayList<>(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            RelDataTypeField field = fields.get(i);
            List<String> origin = i < plan.origins().size() ? plan.origins().get(i) : null;
            columns.add(column(field.getName(), TypeMapping.toDataType(field.getType()), field.getType().isNullable(),
                    origin, catalog));
        }
        return columns;
    }

    private static ResultColumn column(String name, DataType type, boolean nullable, List<String> origin,
                                       CatalogSnapshot catalog) {
        if (origin == null || origin.size() < 3) {
            return ResultColumn.computed(name, type, nullable);
        }
        int n = origin.size();
        String database = origin.get(n - 3);
        String table = origin.get(n - 2);
        String columnName = origin.get(n - 1);
        Optional<TableDefinition> definition = catalog.table(database, table);
        int index = definition.map(d -> d.columnIndex(columnName).orElse(-1)).orElse(-1);
        if (index < 0) {
            return new ResultColumn(database, table, table, name, columnName, type, nullable, false, false);
        }
        // Calcite has one TIMESTAMP for MySQL's DATETIME and TIMESTAMP: the table says which the column is.
        ColumnDefinition column = definition.get().columns().get(index);
        return new ResultColumn(database, table, table, name, column.name(), column.type(), nullable,
                definition.get().primaryKey().contains(index), column.autoIncrement());
    }
}
