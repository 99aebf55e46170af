package io.strata.sql.exec;

import io.strata.compute.expression.JavaValueConverter;
import io.strata.txn.Transaction;
import io.strata.txn.catalog.ColumnDefinition;
import io.strata.txn.catalog.TableDefinition;

import java.util.List;

/** Fills a table's AUTO_INCREMENT column as MySQL does: NULL or 0 takes the next value; an explicit value moves the counter. */
final class AutoIncrements {
    private AutoIncrements() {}

    /** Assigns values in place and returns the first generated one, or 0 when none was generated. */
    static long assign(TableDefinition table, List<Object[]> rows, Transaction transaction) {
        int column = table.autoIncrementColumn();
        if (column < 0) {
            return 0;
        }
        ColumnDefinition definition = table.columns().get(column);
        int missing = 0;
        long maxExplicit = Long.MIN_VALUE;
        for (int r = 0; r < rows.size(); r++) {
            Object value = rows.get(r)[column];
            Object converted = value == null ? null
                    : JavaValueConverter.convertForColumn(value, definition.type(), definition.name(), r + 1);
            long number = converted instanceof Number n ? n.longValue() : 0;
            if (number == 0) {
                missing++;
                rows.get(r)[column] = null;
            } else {
                rows.get(r)[column] = converted;
                maxExplicit = Math.max(maxExplicit, number);
            }
        }
        if (maxExplicit != Long.MIN_VALUE) {
            transaction.observeAutoIncrement(table.tableId(), maxExplicit);
        }
        if (missing == 0) {
            return 0;
        }
        long next = transaction.allocateAutoIncrement(table.tableId(), missing);
        long first = next;
        for (Object[] row : rows) {
            if (row[column] == null) {
                row[column] = next++;
            }
        }
        return first;
    }
}
