package io.strata.txn.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A table's schema. Names of databases and tables are stored in lower case (as MySQL does with
 * {@code lower_case_table_names=1}); column names keep their case and are matched without it.
 * {@code primaryKey} holds indexes into {@code columns}; it is empty for a table without a primary key.
 * {@code indexes} are the secondary indexes (UNIQUE or not), in the order they were created.
 */
public record TableDefinition(long tableId, String database, String name, List<ColumnDefinition> columns,
                              List<Integer> primaryKey, String comment, List<IndexDefinition> indexes) {
    public TableDefinition {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        comment = comment == null ? "" : comment;
        indexes = indexes == null ? List.of() : List.copyOf(indexes);
        checkColumns("primary key", primaryKey, columns.size());
        Set<String> names = new HashSet<>();
        for (IndexDefinition index : indexes) {
            checkColumns("index " + index.name(), index.columns(), columns.size());
            if (!names.add(index.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("two indexes named " + index.name());
            }
        }
    }

    /** A table without secondary indexes. */
    public TableDefinition(long tableId, String database, String name, List<ColumnDefinition> columns,
                           List<Integer> primaryKey, String comment) {
        this(tableId, database, name, columns, primaryKey, comment, List.of());
    }

    private static void checkColumns(String what, List<Integer> keyColumns, int columnCount) {
        for (int index : keyColumns) {
            if (index < 0 || index >= columnCount) {
                throw new IllegalArgumentException(what + " column out of range: " + index);
            }
        }
    }

    /** The UNIQUE secondary indexes, in creation order. */
    public List<IndexDefinition> uniqueIndexes() {
        return indexes.stream().filter(IndexDefinition::unique).toList();
    }

    /** The secondary index named {@code indexName} (case-insensitive), or empty. */
    public Optional<IndexDefinition> index(String indexName) {
        return indexes.stream().filter(index -> index.name().equalsIgnoreCase(indexName)).findFirst();
    }

    /** This definition with {@code index} added last (its name must be new). */
    public TableDefinition withIndex(IndexDefinition index) {
        List<IndexDefinition> next = new ArrayList<>(indexes);
        next.add(index);
        return new TableDefinition(tableId, database, name, columns, primaryKey, comment, next);
    }

    /** This definition without the index named {@code indexName} (case-insensitive). */
    public TableDefinition withoutIndex(String indexName) {
        List<IndexDefinition> next = indexes.stream().filter(index -> !index.name().equalsIgnoreCase(indexName)).toList();
        return new TableDefinition(tableId, database, name, columns, primaryKey, comment, next);
    }

    /** This definition under another database and table name (the catalog normalizes names). */
    public TableDefinition withNames(String newDatabase, String newName) {
        return new TableDefinition(tableId, newDatabase, newName, columns, primaryKey, comment, indexes);
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

    /**
     * The primary key column when the key is a single integer column, else -1. Such tables keep their
     * objects in key order, and their blocks' zone maps on this column locate a key.
     */
    public int integerKeyColumn() {
        if (primaryKey.size() != 1) {
            return -1;
        }
        int column = primaryKey.get(0);
        return columns.get(column).type().kind().isInteger() ? column : -1;
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
        return new TableDefinition(newTableId, database, name, columns, primaryKey, comment, indexes);
    }
}
