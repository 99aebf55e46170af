package io.strata.compute.operator;

/**
 * A map from long keys to non-negative int values with open addressing and linear probing, so that
 * hashing integer, date and datetime keys allocates nothing per row. Each slot's key and value sit
 * side by side in one array (a probe touches one cache line, not two). Grows when half full.
 */
final class LongIntHashMap {
    static final int MISSING = -1;

    /** Slot s: key at {@code 2s}, value (or {@link #MISSING}) at {@code 2s + 1}. */
    private long[] slots;
    private int size;
    private int mask;

    LongIntHashMap() {
        this(1024);
    }

    LongIntHashMap(int expectedSize) {
        allocate(Integer.highestOneBit(Math.max(16, expectedSize * 2 - 1)) << 1);
    }

    private void allocate(int capacity) {
        slots = new long[capacity * 2];
        for (int s = 1; s < slots.length; s += 2) {
            slots[s] = MISSING;
        }
        mask = capacity - 1;
    }

    int size() {
        return size;
    }

    /** The value of {@code key}, or {@link #MISSING}. */
    int get(long key) {
        long[] table = slots;
        int slot = slot(key);
        while (true) {
            long value = table[2 * slot + 1];
            if (value == MISSING || table[2 * slot] == key) {
                return (int) value;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Sets {@code key} to {@code value} (non-negative); returns the previous value or {@link #MISSING}. */
    int put(long key, int value) {
        assert value >= 0 : "values must be non-negative: " + value;
        int slot = slot(key);
        while (slots[2 * slot + 1] != MISSING) {
            if (slots[2 * slot] == key) {
                int previous = (int) slots[2 * slot + 1];
                slots[2 * slot + 1] = value;
                return previous;
            }
            slot = (slot + 1) & mask;
        }
        slots[2 * slot] = key;
        slots[2 * slot + 1] = value;
        if (++size * 2 > mask + 1) {
            grow();
        }
        return MISSING;
    }

    private int slot(long key) {
        long mixed = key * 0x9E3779B97F4A7C15L; // Fibonacci hashing spreads sequential ids
        return (int) (mixed ^ (mixed >>> 32)) & mask;
    }

    private void grow() {
        long[] old = slots;
        allocate((mask + 1) * 2);
        size = 0;
        for (int s = 0; s < old.length; s += 2) {
            if (old[s + 1] != MISSING) {
                put(old[s], (int) old[s + 1]);
            }
        }
    }
}
