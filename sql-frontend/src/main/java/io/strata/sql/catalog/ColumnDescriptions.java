package io.strata.sql.catalog;

import io.strata.common.type.DataType;
import io.strata.txn.catalog.ColumnDefinition;

/** How MySQL describes a column in DESCRIBE, SHOW COLUMNS and information_schema.COLUMNS. */
public final class ColumnDescriptions {
    private ColumnDescriptions() {}

    /** The Default column: the default value without quotes, or null. */
    public static String defaultText(ColumnDefinition column) {
        String sql = column.defaultSql();
        if (sql == null || sql.equalsIgnoreCase("NULL")) {
            return null;
        }
        if (sql.length() >= 2 && sql.startsWith("'") && sql.endsWith("'")) {
            return sql.substring(1, sql.length() - 1).replace("''", "'").replace("\\\\", "\\");
        }
        return sql;
    }

    /** The Extra column. */
    public static String extra(ColumnDefinition column) {
        if (column.autoIncrement()) {
            return "auto_increment";
        }
        if ("CURRENT_TIMESTAMP".equalsIgnoreCase(column.defaultSql())) {
            return "DEFAULT_GENERATED";
        }
        return "";
    }

    public static int numericPrecision(DataType type) {
        return switch (type.kind()) {
            case BOOLEAN, TINYINT -> 3;
            case SMALLINT -> 5;
            case INT -> 10;
            case BIGINT -> 19;
            case FLOAT -> 12;
            case DOUBLE -> 22;
            default -> type.precision();
        };
    }
}
