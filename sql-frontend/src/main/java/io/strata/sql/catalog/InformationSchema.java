package io.strata.sql.catalog;

import io.strata.common.type.DataType;
import io.strata.txn.catalog.CatalogSnapshot;
import io.strata.txn.catalog.ColumnDefinition;
import io.strata.txn.catalog.TableDefinition;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The information_schema tables tools query: SCHEMATA, TABLES, COLUMNS and STATISTICS (the rows of
 * SHOW INDEX; Connector/J's getPrimaryKeys and getIndexInfo read them), computed from the catalog.
 */
final class InformationSchema extends AbstractSchema {
    static final String NAME = "information_schema";
    private static final DataType NAME_TYPE = DataType.varchar(64);

    private final CatalogSnapshot catalog;

    InformationSchema(CatalogSnapshot catalog) {
        this.catalog = catalog;
    }

    @Override
    protected Map<String, Table> getTableMap() {
        return Map.of(
                "SCHEMATA", schemata(),
                "TABLES", tablesTable(),
                "COLUMNS", columns(),
                "STATISTICS", statistics(),
                "PARTITIONS", partitions(),
                "TRIGGERS", triggers(),
                "FILES", files());
    }

    /** One row per table, as MySQL lists a table without partitions (the partition columns NULL). */
    private MemoryTable partitions() {
        return new MemoryTable(
                List.of("TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "PARTITION_NAME", "SUBPARTITION_NAME",
                        "PARTITION_ORDINAL_POSITION", "PARTITION_METHOD", "PARTITION_EXPRESSION", "TABLESPACE_NAME"),
                List.of(NAME_TYPE, NAME_TYPE, NAME_TYPE, NAME_TYPE, NAME_TYPE, DataType.BIGINT, DataType.varchar(13),
                        DataType.TEXT, NAME_TYPE),
                () -> {
                    List<Object[]> rows = new ArrayList<>();
                    for (String database : catalog.databases()) {
                        for (TableDefinition table : catalog.tables(database)) {
                            rows.add(new Object[] {"def", database, table.name(), null, null, null, null, null, null});
                        }
                    }
                    return rows;
                });
    }

    /** Strata has no triggers: the table is there for tools that ask (mysqldump), and empty. */
    private MemoryTable triggers() {
        return new MemoryTable(
                List.of("TRIGGER_CATALOG", "TRIGGER_SCHEMA", "TRIGGER_NAME", "EVENT_MANIPULATION", "EVENT_OBJECT_CATALOG",
                        "EVENT_OBJECT_SCHEMA", "EVENT_OBJECT_TABLE", "ACTION_ORDER", "ACTION_STATEMENT", "ACTION_TIMING",
                        "SQL_MODE", "DEFINER"),
                List.of(NAME_TYPE, NAME_TYPE, NAME_TYPE, DataType.varchar(6), NAME_TYPE, NAME_TYPE, NAME_TYPE,
                        DataType.BIGINT, DataType.TEXT, DataType.varchar(6), DataType.varchar(512), DataType.varchar(288)),
                List::of);
    }

    /** Tablespace files: Strata keeps tables in objects, not tablespaces, so there are none (mysqldump asks). */
    private MemoryTable files() {
        return new MemoryTable(
                List.of("FILE_ID", "FILE_NAME", "FILE_TYPE", "TABLESPACE_NAME", "TABLE_CATALOG", "TABLE_SCHEMA",
                        "TABLE_NAME", "LOGFILE_GROUP_NAME", "LOGFILE_GROUP_NUMBER", "ENGINE", "TOTAL_EXTENTS",
                        "EXTENT_SIZE", "INITIAL_SIZE", "MAXIMUM_SIZE", "AUTOEXTEND_SIZE", "STATUS", "EXTRA"),
                List.of(DataType.BIGINT, DataType.TEXT, DataType.varchar(256), DataType.varchar(268), NAME_TYPE, NAME_TYPE,
                        NAME_TYPE, NAME_TYPE, DataType.BIGINT, NAME_TYPE, DataType.BIGINT, DataType.BIGINT, DataType.BIGINT,
                        DataType.BIGINT, DataType.BIGINT, DataType.varchar(256), DataType.varchar(256)),
                List::of);
    }

    private MemoryTable schemata() {
        return new MemoryTable(
                List.of("CATALOG_NAME", "SCHEMA_NAME", "DEFAULT_CHARACTER_SET_NAME", "DEFAULT_COLLATION_NAME", "SQL_PATH"),
                List.of(NAME_TYPE, NAME_TYPE, NAME_TYPE, NAME_TYPE, NAME_TYPE),
                () -> {
                    List<Object[]> rows = new ArrayList<>();
                    for (String database : allDatabases()) {
                        rows.add(new Object[] {"def", database, "utf8mb4", "utf8mb4_0900_ai_ci", null});
                    }
                    return rows;
                });
    }

    private MemoryTable tablesTable() {
        return new MemoryTable(
                List.of("TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "TABLE_TYPE", "ENGINE", "VERSION", "ROW_FORMAT",
                        "TABLE_ROWS", "TABLE_COLLATION", "TABLE_COMMENT"),
                List.of(NAME_TYPE, NAME_TYPE, NAME_TYPE, NAME_TYPE, NAME_TYPE, DataType.BIGINT, NAME_TYPE,
                        DataType.BIGINT, NAME_TYPE, DataType.varchar(2048)),
                () -> {
                    List<Object[]> rows = new ArrayList<>();
                    for (String database : catalog.databases()) {
                        for (TableDefinition table : catalog.tables(database)) {
                            rows.add(new Object[] {"def", database, table.name(), "BASE TABLE", "Strata", 10L, "Dynamic",
                                    null, "utf8mb4_0900_ai_ci", table.comment()});
                        }
                    }
                    for (String name : List.of("SCHEMATA", "TABLES", "COLUMNS", "STATISTICS", "PARTITIONS", "TRIGGERS", "FILES")) {
                        rows.add(new Object[] {"def", NAME, name, "SYSTEM VIEW", null, 10L, null, null, null, ""});
                    }
                    return rows;
                });
    }

    private MemoryTable columns() {
        return new MemoryTable(
                List.of("TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "COLUMN_NAME", "ORDINAL_POSITION",
                        "COLUMN_DEFAULT", "IS_NULLABLE", "DATA_TYPE", "CHARACTER_MAXIMUM_LENGTH",
                        "CHARACTER_OCTET_LENGTH", "NUMERIC_PRECISION", "NUMERIC_SCALE", "DATETIME_PRECISION",
                        "CHARACTER_SET_NAME", "COLLATION_NAME", "COLUMN_TYPE", "COLUMN_KEY", "EXTRA", "PRIVILEGES",
                        "COLUMN_COMMENT", "GENERATION_EXPRESSION"),
                List.of(NAME_TYPE, NAME_TYPE, NAME_TYPE, NAME_TYPE, DataType.BIGINT, DataType.TEXT, DataType.varchar(3),
                        NAME_TYPE, DataType.BIGINT, DataType.BIGINT, DataType.BIGINT, DataType.BIGINT, DataType.BIGINT,
                        NAME_TYPE, NAME_TYPE, DataType.TEXT, DataType.varchar(3), NAME_TYPE, NAME_TYPE,
                        DataType.varchar(1024), DataType.TEXT),
                () -> {
                    List<Object[]> rows = new ArrayList<>();
                    for (String database : catalog.databases()) {
                        for (TableDefinition table : catalog.tables(database)) {
                            addColumnRows(rows, database, table);
                        }
                    }
                    return rows;
                });
    }

    private MemoryTable statistics() {
        return new MemoryTable(
                List.of("TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "NON_UNIQUE", "INDEX_SCHEMA", "INDEX_NAME",
                        "SEQ_IN_INDEX", "COLUMN_NAME", "COLLATION", "CARDINALITY", "SUB_PART", "PACKED", "NULLABLE",
                        "INDEX_TYPE", "COMMENT", "INDEX_COMMENT", "IS_VISIBLE"),
                List.of(NAME_TYPE, NAME_TYPE, NAME_TYPE, DataType.BIGINT, NAME_TYPE, NAME_TYPE, DataType.BIGINT,
                        NAME_TYPE, DataType.varchar(1), DataType.BIGINT, DataType.BIGINT, NAME_TYPE, DataType.varchar(3),
                        NAME_TYPE, NAME_TYPE, NAME_TYPE, DataType.varchar(3)),
                () -> {
                    List<Object[]> rows = new ArrayList<>();
                    for (String database : catalog.databases()) {
                        for (TableDefinition table : catalog.tables(database)) {
                            for (TableKeys.KeyColumn key : TableKeys.keyColumns(table)) {
                                rows.add(new Object[] {"def", database, table.name(), key.unique() ? 0L : 1L, database,
                                        key.keyName(), (long) key.seqInIndex(), key.column().name(), "A", null, null,
                                        null, key.column().nullable() ? "YES" : "", "BTREE", "", "", "YES"});
                            }
                        }
                    }
                    return rows;
                });
    }

    private static void addColumnRows(List<Object[]> rows, String database, TableDefinition table) {
        for (int i = 0; i < table.columns().size(); i++) {
            ColumnDefinition column = table.columns().get(i);
            DataType type = column.type();
            String sqlType = type.toSql();
            int paren = sqlType.indexOf('(');
            boolean text = type.kind().isString();
            rows.add(new Object[] {"def", database, table.name(), column.name(), (long) (i + 1),
                    ColumnDescriptions.defaultText(column), column.nullable() ? "YES" : "NO",
                    paren < 0 ? sqlType : sqlType.substring(0, paren),
                    text && type.precision() > 0 ? (long) type.precision() : null,
                    // utf8mb4: up to 4 bytes per character
                    text && type.precision() > 0 ? 4L * type.precision() : null,
                    type.kind().isNumeric() ? (long) ColumnDescriptions.numericPrecision(type) : null,
                    type.kind().isNumeric() ? (long) type.scale() : null,
                    type.kind().isTemporal() ? (long) type.precision() : null,
                    text ? "utf8mb4" : null, text ? "utf8mb4_0900_ai_ci" : null,
                    sqlType, TableKeys.columnKey(table, i), ColumnDescriptions.extra(column),
                    "select,insert,update,references", "", ""});
        }
    }

    private List<String> allDatabases() {
        List<String> databases = new ArrayList<>(catalog.databases());
        databases.add(NAME);
        return databases;
    }
}
