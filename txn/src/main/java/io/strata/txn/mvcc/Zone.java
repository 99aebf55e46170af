package io.strata.txn.mvcc;

/**
 * The zone map of one column over some rows (an object block or a logtail segment): min and max of the
 * non-null values (null when there is none or the values cannot be ordered), and the null count.
 */
record Zone(Object min, Object max, int nullCount, int rowCount) {}
