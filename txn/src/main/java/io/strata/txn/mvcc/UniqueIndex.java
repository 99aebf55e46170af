package io.strata.txn.mvcc;

import io.strata.txn.catalog.IndexDefinition;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The committed state of one UNIQUE index on the transaction node: each key (all parts non-NULL) to the
 * row inserted last with it. At most one row per key is ever live, and if one is, it is that row: a row
 * with the key could only be inserted while no other live row held it, and rows never come back to
 * life. So a key is taken exactly when its row is not tombstoned. Keys with a NULL part are not indexed
 * (they never conflict, as in MySQL). Changed under the commit lock; read by statement-time checks.
 */
public final class UniqueIndex {
    private final IndexDefinition definition;
    private final Map<PrimaryKey, Long> rows = new ConcurrentHashMap<>();
    private volatile long builtAt; // 0: since its table began (or since the start that rebuilt it)

    public UniqueIndex(IndexDefinition definition) {
        if (!definition.unique()) {
            throw new IllegalArgumentException("index " + definition.name() + " is not UNIQUE");
        }
        this.definition = definition;
    }

    public IndexDefinition definition() {
        return definition;
    }

    /**
     * Marks this index as built by a CREATE UNIQUE INDEX committed at {@code commitTs}: filled from the rows
     * live then, it cannot answer lookups of older snapshots, which may see rows deleted before (an index of
     * the same definition dropped and made again while such a snapshot is open).
     */
    public void builtAt(long commitTs) {
        this.builtAt = commitTs;
    }

    /** Whether lookups at {@code snapshotTs} may trust this index (see {@link #builtAt(long)}). */
    public boolean answersSnapshot(long snapshotTs) {
        return builtAt <= snapshotTs;
    }

    /** The row last inserted with {@code key}, or null. */
    public Long latestRow(PrimaryKey key) {
        return rows.get(key);
    }

    public void put(PrimaryKey key, long rowId) {
        rows.put(key, rowId);
    }

    /** Forgets {@code key} unless a newer row took it. */
    public void remove(PrimaryKey key, long rowId) {
        rows.remove(key, rowId);
    }

    /**
     * The key of {@code row} in {@code index} read from {@code tableRows} (whose first vectors are the
     * table's columns in order), or null if a part is NULL.
     */
    public static PrimaryKey keyOf(IndexDefinition index, VectorSchemaRoot tableRows, int row) {
        List<FieldVector> vectors = new ArrayList<>(index.columns().size());
        for (int column : index.columns()) {
            FieldVector vector = tableRows.getVector(column);
            if (vector.isNull(row)) {
                return null;
            }
            vectors.add(vector);
        }
        return PrimaryKey.of(vectors, row);
    }

    /**
     * The keys of every row of {@code tableRows} for each of {@code indexes}: one list per index, one
     * entry per row (null where a part is NULL). Empty without indexes.
     */
    public static List<List<PrimaryKey>> keysOf(List<IndexDefinition> indexes, VectorSchemaRoot tableRows) {
        List<List<PrimaryKey>> keys = new ArrayList<>(indexes.size());
        for (IndexDefinition index : indexes) {
            List<PrimaryKey> indexKeys = new ArrayList<>(tableRows.getRowCount());
            for (int row = 0; row < tableRows.getRowCount(); row++) {
                indexKeys.add(keyOf(index, tableRows, row));
            }
            keys.add(indexKeys);
        }
        return keys;
    }
}
