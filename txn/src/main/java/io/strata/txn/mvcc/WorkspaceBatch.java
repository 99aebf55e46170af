package io.strata.txn.mvcc;

import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.BitSet;
import java.util.List;

/**
 * Rows one insert put into a transaction's workspace: a private copy, consecutive row ids from
 * {@code firstRowId}, the primary key of each row (empty list without a key), its key in each UNIQUE
 * index (one list per index of the table's {@code uniqueIndexes()}, null where a part is NULL), and
 * which of them the transaction deleted again.
 */
public record WorkspaceBatch(VectorSchemaRoot rows, long firstRowId, List<PrimaryKey> keys,
                             List<List<PrimaryKey>> uniqueKeys, BitSet deleted) {
    public boolean holds(long rowId) {
        return rowId >= firstRowId && rowId < firstRowId + rows.getRowCount();
    }

    public int liveRowCount() {
        return rows.getRowCount() - deleted.cardinality();
    }
}
