package io.strata.txn;

import io.strata.txn.catalog.TableDefinition;

/**
 * A table as one transaction sees it: committed objects and logtail rows visible at the snapshot,
 * plus the transaction's own writes, minus rows deleted at the snapshot or by the transaction.
 */
public interface TableSnapshot {
    /** The column holding each row's id in scans made with {@code withRowId}; ids are unique within a table. */
    String ROW_ID_COLUMN = "__rowid";

    TableDefinition definition();

    /**
     * Reads the columns whose indexes are in {@code columns} (in that order), as Arrow fields made
     * by {@link io.strata.common.type.ArrowTypes#field}; with {@code withRowId} a BIGINT column
     * {@value #ROW_ID_COLUMN} follows them.
     */
    BatchReader scan(int[] columns, boolean withRowId);

    /**
     * Like {@link #scan(int[], boolean)}, but may skip rows outside {@code ranges} (whole blocks, by their
     * zone maps); the result is a superset of the rows inside every range, so the caller still filters.
     */
    default BatchReader scan(int[] columns, boolean withRowId, java.util.List<ColumnRange> ranges) {
        return scan(columns, withRowId);
    }

    /**
     * Part {@code partition} of {@code partitions} of {@link #scan(int[], boolean, java.util.List)}: the parts
     * are disjoint and together hold every row, so parallel workers can each scan one. Tables that cannot
     * split put every row into part 0.
     */
    default BatchReader scan(int[] columns, boolean withRowId, java.util.List<ColumnRange> ranges, int partition,
                             int partitions) {
        if (partition == 0) {
            return scan(columns, withRowId, ranges);
        }
        return new SingleBatchReader(null);
    }

    /**
     * The row this snapshot sees whose primary key equals {@code key} (values in primary key order, as the
     * Java classes {@link io.strata.common.type.ArrowValues} uses), read like {@link #scan}: a reader of
     * zero or one batch of one row. Uses the primary key index instead of scanning. Throws
     * IllegalArgumentException if the table has no primary key or the key has the wrong arity.
     */
    default BatchReader lookup(int[] columns, boolean withRowId, java.util.List<Object> key) {
        throw new io.strata.common.error.StrataException(io.strata.common.error.ErrorCode.ER_NOT_SUPPORTED_YET,
                "primary key lookups are not supported by this table");
    }

    /**
     * The row this snapshot sees whose key in the UNIQUE index {@code indexName} equals {@code key} (values in
     * the index's column order, as for {@link #lookup}), read like {@link #lookup}: zero or one row. Uses the
     * index where it decides, else scans. Throws IllegalArgumentException if the table has no such UNIQUE
     * index or the key has the wrong arity.
     */
    default BatchReader lookupUnique(String indexName, int[] columns, boolean withRowId, java.util.List<Object> key) {
        throw new io.strata.common.error.StrataException(io.strata.common.error.ErrorCode.ER_NOT_SUPPORTED_YET,
                "UNIQUE key lookups are not supported by this table");
    }

    /** Rows visible to this snapshot, estimated (exact is fine). */
    long estimatedRowCount();

    /** Estimates about column {@code column} from the table's objects; empty when they say nothing. */
    default java.util.Optional<ColumnStatistics> columnStatistics(int column) {
        return java.util.Optional.empty();
    }
}
