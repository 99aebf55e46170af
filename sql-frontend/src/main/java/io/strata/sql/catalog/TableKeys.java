package io.strata.sql.catalog;

import io.strata.txn.catalog.ColumnDefinition;
import io.strata.txn.catalog.IndexDefinition;
import io.strata.txn.catalog.TableDefinition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A table's keys as MySQL shows them in SHOW INDEX, SHOW CREATE TABLE, DESCRIBE and information_schema:
 * PRIMARY first, then the UNIQUE indexes whose columns are all NOT NULL, then the other UNIQUE indexes,
 * then the non-unique ones, each group in creation order (MySQL's {@code sort_keys} in sql_table.cc).
 */
public final class TableKeys {
    /** The name SHOW INDEX gives the primary key. */
    public static final String PRIMARY = "PRIMARY";

    /** One line of SHOW INDEX: a column of a key; {@code seqInIndex} counts from 1. */
    public record KeyColumn(String keyName, boolean unique, int seqInIndex, ColumnDefinition column) {}

    private TableKeys() {}

    /** The secondary indexes in the order MySQL lists them. */
    public static List<IndexDefinition> ordered(TableDefinition table) {
        List<IndexDefinition> indexes = new ArrayList<>(table.indexes());
        // List.sort is stable: within a group, creation order stays.
        indexes.sort(Comparator.comparingInt(index -> group(table, index)));
        return indexes;
    }

    /** Every key column, PRIMARY first, in SHOW INDEX order. */
    public static List<KeyColumn> keyColumns(TableDefinition table) {
        List<KeyColumn> rows = new ArrayList<>();
        for (int seq = 0; seq < table.primaryKey().size(); seq++) {
            rows.add(new KeyColumn(PRIMARY, true, seq + 1, table.columns().get(table.primaryKey().get(seq))));
        }
        for (IndexDefinition index : ordered(table)) {
            for (int seq = 0; seq < index.columns().size(); seq++) {
                rows.add(new KeyColumn(index.name(), index.unique(), seq + 1, table.columns().get(index.columns().get(seq))));
            }
        }
        return rows;
    }

    /**
     * The Key of DESCRIBE and COLUMN_KEY: PRI for a primary key column, UNI for the column of a
     * single-column UNIQUE index, MUL for the first column of any other index, else empty; the first
     * applicable wins in that order. Without a PRIMARY KEY, the first UNIQUE index over NOT NULL
     * columns serves as the primary key (InnoDB clusters on it) and its columns show PRI, as in MySQL.
     */
    public static String columnKey(TableDefinition table, int column) {
        if (primaryColumns(table).contains(column)) {
            return "PRI";
        }
        String key = "";
        for (IndexDefinition index : table.indexes()) {
            if (index.columns().get(0) != column) {
                continue;
            }
            if (index.unique() && index.columns().size() == 1) {
                return "UNI";
            }
            key = "MUL";
        }
        return key;
    }

    private static List<Integer> primaryColumns(TableDefinition table) {
        if (!table.primaryKey().isEmpty()) {
            return table.primaryKey();
        }
        List<IndexDefinition> indexes = ordered(table);
        if (!indexes.isEmpty() && group(table, indexes.get(0)) == 0) {
            return indexes.get(0).columns();
        }
        return List.of();
    }

    /** 0: UNIQUE over NOT NULL columns, 1: other UNIQUE, 2: not unique. */
    private static int group(TableDefinition table, IndexDefinition index) {
        if (!index.unique()) {
            return 2;
        }
        boolean nullable = index.columns().stream().anyMatch(column -> table.columns().get(column).nullable());
        return nullable ? 1 : 0;
    }
}
