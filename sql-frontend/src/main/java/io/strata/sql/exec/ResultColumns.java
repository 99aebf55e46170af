package io.strata.sql.exec;

import io.strata.common.session.ResultColumn;
import io.strata.common.type.DataType;
import io.strata.compute.plan.OutputColumn;
import io.strata.compute.plan.PhysicalNode;
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
 * The column definitions of a query's result: names as validated, and for a table column its database,
 * table, original name and key flags (clients such as Connector/J read them, also from a prepare).
 */
public final class ResultColumns {
    private ResultColumns() {}

    /** For an executed query: types as the physical plan produces the rows. */
    static List<ResultColumn> of(PlannedQuery query, PhysicalNode plan, CatalogSnapshot catalog) {
        List<OutputColumn> output = plan.output();
        List<ResultColumn> columns = new ArrayList<>(output.size());
        for (int i = 0; i < output.size(); i++) {
            OutputColumn produced = output.get(i);
            columns.add(column(query, i, produced.type(), produced.nullable(), false, catalog));
        }
        return columns;
    }

    /**
     * For COM_STMT_PREPARE, before any plan runs: validated types, except that a table column takes its
     * declared type (Calcite has one TIMESTAMP for MySQL's DATETIME and TIMESTAMP).
     */
    public static List<ResultColumn> forPrepare(PlannedQuery query, CatalogSnapshot catalog) {
        List<RelDataTypeField> fields = query.rowType().getFieldList();
        List<ResultColumn> columns = new ArrayList<>(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            RelDataTypeField field = fields.get(i);
            columns.add(column(query, i, TypeMapping.toDataType(field.getType()), field.getType().isNullable(), true, catalog));
        }
        return columns;
    }

    private static ResultColumn column(PlannedQuery query, int index, DataType type, boolean nullable,
                                       boolean declaredType, CatalogSnapshot catalog) {
        String name = query.rowType().getFieldList().get(index).getName();
        List<String> origin = index < query.origins().size() ? query.origins().get(index) : null;
        if (origin == null || origin.size() < 3) {
            return ResultColumn.computed(name, type, nullable);
        }
        int n = origin.size();
        String database = origin.get(n - 3);
        String table = origin.get(n - 2);
        String columnName = origin.get(n - 1);
        Optional<TableDefinition> definition = catalog.table(database, table);
        int columnIndex = definition.map(d -> d.columnIndex(columnName).orElse(-1)).orElse(-1);
        if (columnIndex < 0) {
            return new ResultColumn(database, table, table, name, columnName, type, nullable, false, false);
        }
        ColumnDefinition column = definition.get().columns().get(columnIndex);
        return new ResultColumn(database, table, table, name, column.name(), declaredType ? column.type() : type,
                nullable, definition.get().primaryKey().contains(columnIndex), column.autoIncrement());
    }
}
