package io.strata.compute.operator;

import io.strata.common.type.DataType;
import io.strata.compute.expression.Column;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.Arrays;

/**
 * The build side of a hash join: rows of one buffered batch chained by key. Rows whose key has a
 * NULL part are left out, as SQL equality never matches NULL, unless that key is null-safe
 * ({@code <=>}), where NULL matches NULL. A single integer-like, not null-safe key on both
 * sides is hashed as a primitive long; other keys as {@link EncodedKeys} in a {@link KeyTable}.
 */
final class JoinHashTable {
    static final int END = -1;

    private final boolean longKeys;
    /** Per key: whether NULL matches NULL ({@code <=>}) instead of nothing. */
    private final boolean[] nullSafe;
    private final KeyTable keyTable;
    /** Per key id of {@link #keyTable}: its first build row. */
    private final int[] heads;
    private final LongIntHashMap longHeads;
    /** {@code next[row]}: the next build row with the same key, or {@link #END}. */
    private final int[] next;


    JoinHashTable(VectorSchemaRoot build, int[] keyColumns, boolean[] nullSafe, boolean longKeys) {
        this.longKeys = longKeys;
        this.nullSafe = nullSafe.clone();
        int rowCount = build == null ? 0 : build.getRowCount();
        this.longHeads = longKeys ? new LongIntHashMap(rowCount) : null;
        this.keyTable = longKeys ? null : new KeyTable(rowCount);
        this.heads = longKeys ? null : new int[rowCount];
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
        EncodedKeys keys = keys(build, keyColumns, this.nullSafe);
        for (int row = rowCount - 1; row >= 0; row--) {
            if (!keys.unmatchable(row)) {
                int before = keyTable.size();
                int id = keyTable.findOrAdd(keys, row);
                next[row] = id == before ? END : heads[id];
                heads[id] = row;
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
    record Probe(EncodedKeys keys, long[] longs, boolean[] nulls) {}

    /**
     * Computes the keys of the probe rows that {@link #first} looks up: rows {@code rows[0..count)} of the
     * batch ({@code rows} null: its first {@code count} rows), numbered from 0 in that order.
     */
    Probe startProbe(VectorSchemaRoot probe, int[] keyColumns, int[] rows, int count) {
        if (longKeys) {
            Column key = Column.read(probe.getVector(keyColumns[0]), rows, count);
            return new Probe(null, RowKey.normalizedLongs(key), key.nulls());
        }
        return new Probe(keys(probe, keyColumns, nullSafe, rows, count), null, null);
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
        EncodedKeys keys = probe.keys();
        if (keys.unmatchable(row)) {
            return END;
        }
        int id = keyTable.find(keys, row);
        return id < 0 ? END : heads[id];
    }

    int next(int row) {
        return next[row];
    }

    /** The encoded key of every row of {@code batch} (unmatchable where a part that is not null-safe is NULL). */
    static EncodedKeys keys(VectorSchemaRoot batch, int[] keyColumns, boolean[] nullSafe) {
        return keys(batch, keyColumns, nullSafe, null, batch.getRowCount());
    }

    private static EncodedKeys keys(VectorSchemaRoot batch, int[] keyColumns, boolean[] nullSafe, int[] rows, int count) {
        Column[] parts = new Column[keyColumns.length];
        for (int k = 0; k < keyColumns.length; k++) {
            parts[k] = Column.read(batch.getVector(keyColumns[k]), rows, count);
        }
        return EncodedKeys.of(parts, nullSafe, count);
    }
}
