package io.strata.sql.plan.stats;

import io.strata.sql.catalog.StrataTable;
import io.strata.txn.ColumnStatistics;
import org.apache.calcite.rel.core.TableScan;

import java.util.Optional;

/** The column statistics behind a scan of a Strata table (scan field i is the table's column i). */
final class ScanStatistics {
    private ScanStatistics() {}

    /** The scanned table, or null for scans of other tables (information_schema, VALUES...). */
    static StrataTable table(TableScan scan) {
        return scan.getTable() == null ? null : scan.getTable().unwrap(StrataTable.class);
    }

    /** Statistics of scan field {@code field}; empty for the row id column and when the objects say nothing. */
    static Optional<ColumnStatistics> column(TableScan scan, int field) {
        StrataTable table = table(scan);
        if (table == null || field >= table.definition().columns().size()) {
            return Optional.empty();
        }
        return table.columnStatistics(field);
    }
}
