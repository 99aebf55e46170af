package io.strata.compute.operator;

import io.strata.common.type.DataType;
import io.strata.compute.expression.Column;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The build side of a hash join: rows of one buffered batch chained by key. Rows whose key has a
 * NULL part are left out, as SQL equality never matches NULL, unless that key is null-safe
 * ({@code <=>}), where NULL matches NULL. A single integer-like, not null-safe key on both
 * sides is hashed as a primitive long; other keys as {@link RowKey}s.
 */
final class JoinHashTable {
    static final int END = -1;

    private final boolean longKeys;
    /** Per key: whether NULL matches NULL ({@code <=>}) instead of nothing. */
    private final boolean[] nullSafe;
    private final Map<RowKey, Integer> heads = new HashMap<>();
    private final LongIntHashMap longHeads;
    /** {@code next[row]}: the next build row with the same key, or {@link #END}. */
    private final int[] next;


    JoinHashTable(VectorSchemaRoot build, int[] keyColumns, boolean[] nullSafe, boolean longKeys) {
        this.longKeys = longKeys;
        this.nullSafe = nullSafe.clone();
        int rowCount = build == null ? 0 : build.getRowCount();
        this.longHeads = longKeys ? new LongIntHashMap(rowCount) : null;
        next = new int[rowCount];
        Arrays.fill(next, END);
        if (rowCount == 0) {
            return;
        }
        // insert in reverse so that each chain lists rows in input order
        if (longKeys) {
            Column key = Column.read(build.getVector(keyColumns[0]), rowCount);
            long[] values = RowKey.normalizedLongs(key);
            for (int row = rowCount - 1; row >= 0; row--) {
                if (!key.isNull(row)) {
                    int head = longHeads.put(values[row], row);
                    next[row] = head == LongIntHashMap.MISSING ? END : head;
                }
            }
            return;
        }
        RowKey[] keys = keys(build, keyColumns, this.nullSafe);
        for (int row = rowCount - 1; row >= 0; row--) {
            if (keys[row] != null) {
                Integer head = heads.put(keys[row], row);
                next[row] = head == null ? END : head;
            }
        }
    }

    /** Whether a single key of these types on the two sides can be hashed as a long. */
    static boolean canUseLongKeys(DataType left, DataType right) {
        return RowKey.isLongKey(left) && RowKey.isLongKey(right);
    }

    /**
     * The keys of one probe batch, for {@link #first}. The table is only read once built, so probes of
     * several threads may look it up at once, each with its own Probe.
     */
    record Probe(RowKey[] keys, long[] longs, boolean[] nulls) {}

    /** Computes the keys of the probe batch that {@link #first} looks up. */
    Probe startProbe(VectorSchemaRoot probe, int[] keyColumns) {
        if (longKeys) {
            Column key = Column.read(probe.getVector(keyColumns[0]), probe.getRowCount());
            return new Probe(null, RowKey.normalizedLongs(key), key.nulls());
        }
        return new Probe(keys(probe, keyColumns, nullSafe), null, null);
    }

    /** The first build row whose key equals probe row {@code row}'s, or {@link #END}. */
    int first(Probe probe, int row) {
        if (longKeys) {
            if (probe.nulls()[row]) {
                return END;
            }
            int head = longHeads.get(probe.longs()[row]);
            return head == LongIntHashMap.MISSING ? END : head;
        }
        RowKey key = probe.keys()[row];
        if (key == null) {
            return END;
        }
        Integer head = heads.get(key);
        return head == null ? END : head;
    }

    int next(int row) {
        return next[row];
    }

    /** The key of every row of {@code batch} (null where a key part that is not null-safe is NULL). */
    private static RowKey[] keys(VectorSchemaRoot batch, int[] keyColumns, boolean[] nullSafe) {
        int rowCount = batch.getRowCount();
        Object[][] normalized = new Object[keyColumns.length][];
        for (int k = 0; k < keyColumns.length; k++) {
            normalized[k] = RowKey.normalize(Column.read(batch.getVector(keyColumns[k]), rowCount));
        }
        RowKey[] keys = new RowKey[rowCount];
        for (int row = 0; row < rowCount; row++) {
            Object[] parts = new Object[keyColumns.length];
            boolean hasNull = false;
            for (int k = 0; k < keyColumns.length; k++) {
                parts[k] = normalized[k][row];
                hasNull |= parts[k] == null && !nullSafe[k];
            }
            keys[row] = hasNull ? null : new RowKey(parts);
        }
        return keys;
    }
}
