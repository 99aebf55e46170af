package io.strata.compute.operator;

import java.util.Arrays;

/**
 * Distinct {@link EncodedKeys encoded keys}, numbered 0, 1, 2... in the order they were added: an open
 * addressing hash table whose keys live back to back in one byte array, so that grouping or joining
 * on strings and on several columns allocates nothing per row. Grows when half full.
 */
final class KeyTable {
    private static final int EMPTY = -1;

    private byte[] arena = new byte[4096];
    private int arenaEnd;
    /** Key {@code id} is {@code arena[starts[id], starts[id + 1])}. */
    private int[] starts = new int[257];
    private int[] hashes = new int[256];
    private int size;
    /** Slot → key id, or {@link #EMPTY}. */
    private int[] slots;
    private int mask;

    KeyTable() {
        this(256);
    }

    KeyTable(int expectedKeys) {
        int capacity = Integer.highestOneBit(Math.max(16, expectedKeys * 2 - 1)) << 1;
        slots = new int[capacity];
        Arrays.fill(slots, EMPTY);
        mask = capacity - 1;
    }

    int size() {
        return size;
    }

    /**
     * Heap bytes this table may hold for its keys, growing smoothly with them: the arrays grow by doubling,
     * so their capacity is at most twice what the keys use (the slots four times the key count).
     */
    long bytes() {
        return 2L * arenaEnd + 32L * size + 1024;
    }

    /** The id of row {@code row}'s key of {@code keys}, or -1 when it is not here. */
    int find(EncodedKeys keys, int row) {
        int hash = keys.hash(row);
        byte[] bytes = keys.bytes();
        int from = keys.start(row);
        int to = keys.end(row);
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            int id = slots[slot];
            if (id == EMPTY) {
                return -1;
            }
            if (hashes[id] == hash && Arrays.equals(arena, starts[id], starts[id + 1], bytes, from, to)) {
                return id;
            }
        }
    }

    /** The id of row {@code row}'s key of {@code keys}, added with the next id when it is new. */
    int findOrAdd(EncodedKeys keys, int row) {
        int hash = keys.hash(row);
        byte[] bytes = keys.bytes();
        int from = keys.start(row);
        int to = keys.end(row);
        int slot = hash & mask;
        for (; ; slot = (slot + 1) & mask) {
            int id = slots[slot];
            if (id == EMPTY) {
                break;
            }
            if (hashes[id] == hash && Arrays.equals(arena, starts[id], starts[id + 1], bytes, from, to)) {
                return id;
            }
        }
        int id = append(bytes, from, to, hash);
        slots[slot] = id;
        if (size * 2 > slots.length) {
            grow();
        }
        return id;
    }

    private int append(byte[] bytes, int from, int to, int hash) {
        int length = to - from;
        if (arenaEnd + length > arena.length) {
            long wanted = Math.max((long) arena.length * 2, (long) arenaEnd + length);
            if (wanted > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("hash keys beyond 2 GiB in one table");
            }
            arena = Arrays.copyOf(arena, (int) wanted);
        }
        System.arraycopy(bytes, from, arena, arenaEnd, length);
        arenaEnd += length;
        if (size + 1 >= hashes.length) {
            hashes = Arrays.copyOf(hashes, hashes.length * 2);
            starts = Arrays.copyOf(starts, hashes.length + 1);
        }
        int id = size++;
        hashes[id] = hash;
        starts[id + 1] = arenaEnd;
        return id;
    }

    private void grow() {
        int capacity = slots.length * 2;
        slots = new int[capacity];
        Arrays.fill(slots, EMPTY);
        mask = capacity - 1;
        for (int id = 0; id < size; id++) {
            int slot = hashes[id] & mask;
            while (slots[slot] != EMPTY) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = id;
        }
    }
}
