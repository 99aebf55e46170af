package io.strata.compute.operator;

import java.util.Arrays;

/**
 * A map from long keys to non-negative int values with open addressing and linear probing, so that
 * hashing integer, date and datetime keys allocates nothing per row. Grows when half full.
 */
final class LongIntHashMap {
    static final int MISSING = -1;

    private long[] keys;
    private int[] values;
    private int size;
    private int mask;

    LongIntHashMap() {
        this(1024);
    }

    LongIntHashMap(int expectedSize) {
        int capacity = Integer.highestOneBit(Math.max(16, expectedSize * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        Arrays.fill(values, MISSING);
        mask = capacity - 1;
    }

    int size() {
        return size;
    }

    /** The value of {@code key}, or {@link #MISSING}. */
    int get(long key) {
        int slot = slot(key);
        while (values[slot] != MISSING) {
            if (keys[slot] == key) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        return MISSING;
    }

    /** Sets {@code key} to {@code value} (non-negative); returns the previous value or {@link #MISSING}. */
    int put(long key, int value) {
        assert value >= 0 : "values must be non-negative: " + value;
        int slot = slot(key);
        while (values[slot] != MISSING) {
            if (keys[slot] == key) {
                int previous = values[slot];
                values[slot] = value;
                return previous;
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        values[slot] = value;
        if (++size * 2 > keys.length) {
            grow();
        }
        return MISSING;
    }

    private int slot(long key) {
        long mixed = key * 0x9E3779B97F4A7C15L; // Fibonacci hashing spreads sequential ids
        return (int) (mixed ^ (mixed >>> 32)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldValues.length * 2];
        Arrays.fill(values, MISSING);
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != MISSING) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }
}
