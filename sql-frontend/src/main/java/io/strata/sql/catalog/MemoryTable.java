package io.strata.sql.catalog;

import io.strata.common.type.DataType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.impl.AbstractTable;

import java.util.List;
import java.util.function.Supplier;

/**
 * A table whose rows are computed in memory when the query runs (information_schema). The planner
 * turns its scan into literal rows. Values are of the Java classes {@link DataType} lists.
 */
public final class MemoryTable extends AbstractTable {
    private final List<String> columnNames;
    private final List<DataType> columnTypes;
    private final Supplier<List<Object[]>> rows;

    public MemoryTable(List<String> columnNames, List<DataType> columnTypes, Supplier<List<Object[]>> rows) {
        if (columnNames.size() != columnTypes.size()) {
            throw new IllegalArgumentException("names and types differ in size");
        }
        this.columnNames = List.copyOf(columnNames);
        this.columnTypes = List.copyOf(columnTypes);
        this.rows = rows;
    }

    public List<String> columnNames() { return columnNames; }

    public List<DataType> columnTypes() { return columnTypes; }

    public List<Object[]> rows() { return rows.get(); }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        RelDataTypeFactory.Builder builder = typeFactory.builder();
        for (int i = 0; i < columnNames.size(); i++) {
            builder.add(columnNames.get(i), TypeMapping.toRelType(typeFactory, columnTypes.get(i), true));
        }
        return builder.build();
    }

    @Override
    public Statistic getStatistic() {
        return Statistics.of(100, List.of());
    }
}
