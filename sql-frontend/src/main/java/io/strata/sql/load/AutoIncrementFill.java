package io.strata.sql.load;

import io.strata.txn.Transaction;
import io.strata.txn.catalog.TableDefinition;
import io.strata.compute.expression.Column;

/**
 * Fills a batch's AUTO_INCREMENT column as MySQL does: NULL or 0 takes the next value, reserved for the
 * whole batch at once; an explicit value moves the counter past it.
 */
final class AutoIncrementFill {
    private AutoIncrementFill() {}

    static void fill(Column column, TableDefinition table, Transaction transaction) {
        long[] values = column.longs();
        boolean[] nulls = column.nulls();
        int missing = 0;
        long maxExplicit = Long.MIN_VALUE;
        for (int row = 0; row < column.size(); row++) {
            if (nulls[row] || values[row] == 0) {
                missing++;
            } else {
                maxExplicit = Math.max(maxExplicit, values[row]);
            }
        }
        if (maxExplicit != Long.MIN_VALUE) {
            transaction.observeAutoIncrement(table.tableId(), maxExplicit);
        }
        if (missing == 0) {
            return;
        }
        long next = transaction.allocateAutoIncrement(table.tableId(), missing);
        for (int row = 0; row < column.size(); row++) {
            if (nulls[row] || values[row] == 0) {
                nulls[row] = false;
                values[row] = next++;
            }
        }
    }
}
