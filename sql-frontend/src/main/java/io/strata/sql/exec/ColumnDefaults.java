package io.strata.sql.exec;

import io.strata.sql.parser.StrataParser;
import io.strata.sql.session.SqlValues;
import io.strata.txn.catalog.ColumnDefinition;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

/** The value a column's DEFAULT clause gives to a new row. */
public final class ColumnDefaults {
    private ColumnDefaults() {}

    /** Whether inserting without a value for {@code column} is allowed. */
    public static boolean hasDefault(ColumnDefinition column) {
        return column.defaultSql() != null || column.nullable() || column.autoIncrement();
    }

    /** The default value (null for no DEFAULT on a nullable column), in a form BatchBuilder converts. */
    public static Object value(ColumnDefinition column, LocalDateTime now) {
        String sql = column.defaultSql();
        if (sql == null || sql.equalsIgnoreCase("NULL")) {
            return null;
        }
        if (sql.toUpperCase(Locale.ROOT).startsWith("CURRENT_TIMESTAMP") || sql.equalsIgnoreCase("NOW()")) {
            return now;
        }
        if (sql.length() >= 2 && sql.startsWith("'") && sql.endsWith("'")) {
            return sql.substring(1, sql.length() - 1).replace("''", "'");
        }
        // Numbers, TRUE/FALSE and typed literals: parse the text as the expression it is.
        SqlNode item = ((SqlSelect) StrataParser.parseOne("SELECT " + sql)).getSelectList().get(0);
        return SqlValues.simpleValue(item, List.of()).map(SqlValues::unwrap).orElse(sql);
    }
}
