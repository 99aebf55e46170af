package io.strata.sql.exec;

import io.strata.txn.catalog.ColumnDefinition;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;

import java.time.LocalDateTime;

/** The value a column's DEFAULT clause gives to a new row. */
final class ColumnDefaults {
    private ColumnDefaults() {}

    /** Whether inserting without a value for {@code column} is allowed. */
    static boolean hasDefault(ColumnDefinition column) {
        return column.defaultSql() != null || column.nullable() || column.autoIncrement();
    }

    /** The default value (null for no DEFAULT on a nullable column), in a form BatchBuilder converts. */
    static Object value(ColumnDefinition column, LocalDateTime now) {
        String sql = column.defaultSql();
        if (sql == null || sql.equalsIgnoreCase("NULL")) {
            return null;
        }
        if (sql.toUpperCase(java.util.Locale.ROOT).startsWith("CURRENT_TIMESTAMP") || sql.equalsIgnoreCase("NOW()")) {
            return now;
        }
        if (sql.length() >= 2 && sql.startsWith("'") && sql.endsWith("'")) {
            return sql.substring(1, sql.length() - 1).replace("''", "'");
        }
        SqlNode parsed = io.strata.sql.parser.StrataParser.parseOne("SELECT " + sql);
        SqlNode item = ((org.apache.calcite.sql.SqlSelect) parsed).getSelectList().get(0);
        return io.strata.sql.session.SqlValues.simpleValue(item, java.util.List.of())
                .map(io.strata.sql.session.SqlValues::unwrap)
                .orElse(item instanceof SqlLiteral literal ? literal.toValue() : sql);
    }
}
