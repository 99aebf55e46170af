package io.strata.txn.mvcc;

import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.List;

/**
 * Rows a committing transaction inserts into one table, ready for the log and the logtail: their
 * primary keys (empty without one) and their keys in each UNIQUE index (one list per index of the
 * table's {@code uniqueIndexes()}, null where a part is NULL). Owns {@code rows} until the commit hands
 * them to a {@link LogtailSegment} or closes them on failure.
 */
public record PreparedInsert(long tableId, long[] rowIds, VectorSchemaRoot rows, List<PrimaryKey> keys,
                             List<List<PrimaryKey>> uniqueKeys) {}
