package io.strata.sql.exec;

import io.strata.common.session.ResultColumn;
import io.strata.compute.plan.OutputColumn;
import io.strata.compute.plan.PhysicalNode;
import io.strata.sql.plan.PlannedQuery;
import io.strata.txn.catalog.CatalogSnapshot;
import io.strata.txn.catalog.ColumnDefinition;
import io.strata.txn.catalog.TableDefinition;
import org.apache.calcite.rel.type.RelDataTypeField;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The column definitions of a query's result: names as validated, types as the plan produces them, origins for table columns. */
final class ResultColumns {
    private ResultColumns() {}

    static List<ResultColumn> of(PlannedQuery query, PhysicalNode plan, CatalogSnapshot catalog) {
        List<RelDataTypeField> fields = query.rowType().getFieldList();
        List<OutputColumn> output = plan.output();
        List<ResultColumn> columns = new ArrayList<>(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            RelDataTypeField field = fields.get(i);
            OutputColumn produced = output.get(i);
            List<String> origin = i < query.origins().size() ? query.origins().get(i) : null;
            columns.add(column(field.getName(), produced, origin, catalog));
        }
        return columns;
    }

    private static ResultColumn column(String name, OutputColumn produced, List<String> origin, CatalogSnapshot catalog) {
        if (origin == null || origin.size() < 3) {
            return ResultColumn.computed(name, produced.type(), produced.nullable());
        }
        int n = origin.size();
        String database = origin.get(n - 3);
        String table = origin.get(n - 2);
        String columnName = origin.get(n - 1);
        Optional<TableDefinition> definition = catalog.table(database, table);
        if (definition.isEmpty()) {
            return new ResultColumn(database, table, table, name, columnName, produced.type(), produced.nullable(), false, false);
        }
        TableDefinition tableDefinition = definition.get();
        int index = tableDefinition.columnIndex(columnName).orElse(-1);
        if (index < 0) {
            return new ResultColumn(database, table, table, name, columnName, produced.type(), produced.nullable(), false, false);
        }
        ColumnDefinition column = tableDefinition.columns().get(index);
        return new ResultColumn(database, table, table, name, column.name(), produced.type(), produced.nullable(),
                tableDefinition.primaryKey().contains(index), column.autoIncrement());
    }
}
