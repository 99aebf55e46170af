package io.strata.txn.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table's schema. Names of databases and tables are stored in lower case (as MySQL does with
 * {@code lower_case_table_names=1}); column names keep their case and are matched without it.
 * {@code primaryKey} holds indexes into {@code columns}; it is empty for a table without a primary key.
 */
public record TableDefinition(long tableId, String database, String name, List<ColumnDefinition> columns,
                              List<Integer> primaryKey, String comment) {
    public TableDefinition {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        comment = comment == null ? "" : comment;
        for (int index : primaryKey) {
            if (index < 0 || index >= columns.size()) {
                throw new IllegalArgumentException("primary key column out of range: " + index);
            }
        }
    }

    /** The index of the column named {@code columnName} (case-insensitive), or empty. */
    public Optional<Integer> columnIndex(String columnName) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(columnName)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** The AUTO_INCREMENT column's index, or -1. */
    public int autoIncrementColumn() {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).autoIncrement()) {
                return i;
            }
        }
        return -1;
    }

    /** This definition under a new id (used when the transaction node assigns ids). */
    public TableDefinition withTableId(long newTableId) {
        return new TableDefinition(newTableId, database, name, columns, primaryKey, comment);
    }
}
