package io.strata.sql.exec;

import io.strata.sql.catalog.TableKeys;
import io.strata.txn.catalog.ColumnDefinition;
import io.strata.txn.catalog.IndexDefinition;
import io.strata.txn.catalog.TableDefinition;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The text of SHOW CREATE TABLE, laid out as MySQL 8 prints it. */
final class ShowCreateTable {
    private ShowCreateTable() {}

    static String of(TableDefinition table) {
        List<ColumnDefinition> columns = table.columns();
        List<String> lines = new ArrayList<>();
        for (ColumnDefinition column : columns) {
            lines.add(column(column));
        }
        if (!table.primaryKey().isEmpty()) {
            lines.add("PRIMARY KEY (" + keyParts(columns, table.primaryKey()) + ")");
        }
        for (IndexDefinition index : TableKeys.ordered(table)) {
            lines.add((index.unique() ? "UNIQUE KEY " : "KEY ") + quoted(index.name()) + " ("
                    + keyParts(columns, index.columns()) + ")");
        }
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(quoted(table.name())).append(" (\n");
        sql.append(lines.stream().map(line -> "  " + line).collect(Collectors.joining(",\n"))).append('\n');
        sql.append(") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci");
        if (!table.comment().isEmpty()) {
            sql.append(" COMMENT='").append(table.comment().replace("\\", "\\\\").replace("'", "''")).append('\'');
        }
        return sql.toString();
    }

    private static String keyParts(List<ColumnDefinition> columns, List<Integer> keyColumns) {
        return keyColumns.stream().map(i -> quoted(columns.get(i).name())).collect(Collectors.joining(","));
    }

    /** An identifier in backquotes; a backquote inside is doubled, as MySQL prints it. */
    private static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    private static String column(ColumnDefinition column) {
        StringBuilder text = new StringBuilder(quoted(column.name())).append(' ').append(column.type().toSql());
        if (!column.nullable()) {
            text.append(" NOT NULL");
        }
        if (column.defaultSql() != null) {
            text.append(" DEFAULT ").append(defaultText(column.defaultSql()));
        } else if (column.nullable() && !isLargeObject(column)) {
            // MySQL prints no DEFAULT NULL for TEXT and BLOB columns (but does for JSON: `j` json DEFAULT NULL).
            text.append(" DEFAULT NULL");
        }
        if (column.autoIncrement()) {
            text.append(" AUTO_INCREMENT");
        }
        return text.toString();
    }

    /** MySQL quotes literal defaults, numbers included ({@code DEFAULT '0'}); NULL and CURRENT_TIMESTAMP stay bare. */
    private static String defaultText(String sql) {
        String upper = sql.toUpperCase(java.util.Locale.ROOT);
        if (sql.startsWith("'") || upper.equals("NULL") || upper.startsWith("CURRENT_TIMESTAMP")) {
            return sql;
        }
        return "'" + sql.replace("'", "''") + "'";
    }

    private static boolean isLargeObject(ColumnDefinition column) {
        return switch (column.type().kind()) {
            case TEXT, BLOB -> true;
            default -> false;
        };
    }
}
