package io.strata.txn.mvcc;

import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.List;

/**
 * Rows a committing transaction inserts into one table, ready for the log and the logtail. Owns
 * {@code rows} until the commit hands them to a {@link LogtailSegment} or closes them on failure.
 */
public record PreparedInsert(long tableId, long[] rowIds, VectorSchemaRoot rows, List<PrimaryKey> keys) {}
