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

    /** Rows visible to this snapshot, estimated (exact is fine). */
    long estimatedRowCount();
}
