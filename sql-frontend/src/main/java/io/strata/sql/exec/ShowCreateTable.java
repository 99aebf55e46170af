package io.strata.sql.exec;

import io.strata.txn.catalog.ColumnDefinition;
import io.strata.txn.catalog.TableDefinition;

import java.util.List;
import java.util.stream.Collectors;

/** The text of SHOW CREATE TABLE, laid out as MySQL 8 prints it. */
final class ShowCreateTable {
    private ShowCreateTable() {}

    static String of(TableDefinition table) {
        StringBuilder sql = new StringBuilder("CREATE TABLE `").append(table.name()).append("` (\n");
        List<ColumnDefinition> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            sql.append("  ").append(column(columns.get(i)));
            if (i < columns.size() - 1 || !table.primaryKey().isEmpty()) {
                sql.append(',');
            }
            sql.append('\n');
        }
        if (!table.primaryKey().isEmpty()) {
            String key = table.primaryKey().stream().map(i -> "`" + columns.get(i).name() + "`")
                    .collect(Collectors.joining(","));
            sql.append("  PRIMARY KEY (").append(key).append(")\n");
        }
        sql.append(") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci");
        if (!table.comment().isEmpty()) {
            sql.append(" COMMENT='").append(table.comment().replace("\\", "\\\\").replace("'", "''")).append('\'');
        }
        return sql.toString();
    }

    private static String column(ColumnDefinition column) {
        StringBuilder text = new StringBuilder("`").append(column.name()).append("` ").append(column.type().toSql());
        if (!column.nullable()) {
            text.append(" NOT NULL");
        }
        if (column.defaultSql() != null) {
            text.append(" DEFAULT ").append(defaultText(column.defaultSql()));
        } else if (column.nullable() && !isLargeObject(column)) {
            // MySQL prints no DEFAULT NULL for TEXT, BLOB and JSON columns.
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
            case TEXT, BLOB, JSON -> true;
            default -> false;
        };
    }
}
