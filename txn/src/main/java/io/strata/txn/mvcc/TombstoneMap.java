package io.strata.txn.mvcc;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * Delete commit timestamps by row id, in an open-addressing table of primitive longs: scans ask about
 * every dead row version they pass, and a boxed map lookup per row was a sixth of a range scan's time.
 * Writers are serialized (the methods that change the table are synchronized); readers take no lock.
 * A writer stores an entry's value before publishing its key with a release store, so a reader that
 * finds the key sees the value. A removed entry's slot keeps a marker and is never reused; the table is
 * rebuilt into new arrays (published through a volatile field) once entries and markers fill half of it,
 * so a reader still probing the old arrays finds them unchanged.
 */
final class TombstoneMap {
    /** What {@link #get} returns for a row without a tombstone: deleted at no time a snapshot reaches. */
    static final long NONE = Long.MAX_VALUE;
    private static final long EMPTY = -1;   // slot markers; row ids are never negative
    private static final long REMOVED = -2;
    private static final int MIN_CAPACITY = 16;
    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(long[].class);

    private record Table(long[] keys, long[] values) {
        static Table withCapacity(int capacity) {
            long[] keys = new long[capacity];
            Arrays.fill(keys, EMPTY);
            return new Table(keys, new long[capacity]);
        }
    }

    private volatile Table table = Table.withCapacity(MIN_CAPACITY);
    private int size;     // guarded by this
    private int removed;  // markers in table; guarded by this

    /** The delete commit ts of {@code rowId}, or {@link #NONE}. */
    long get(long rowId) {
        if (rowId < 0) {
            return NONE; // the empty-slot marker is not a key
        }
        Table current = table;
        long[] keys = current.keys();
        int mask = keys.length - 1;
        for (int slot = slot(rowId, mask); ; slot = (slot + 1) & mask) {
            long key = (long) SLOTS.getAcquire(keys, slot);
            if (key == rowId) {
                return (long) SLOTS.getAcquire(current.values(), slot);
            }
            if (key == EMPTY) {
                return NONE;
            }
        }
    }

    boolean containsKey(long rowId) {
        return get(rowId) != NONE;
    }

    /** Records (or replaces) the tombstone of {@code rowId} (at least 0). */
    synchronized void put(long rowId, long deleteTs) {
        if (rowId < 0) {
            throw new IllegalArgumentException("negative row id " + rowId);
        }
        Table current = table;
        int slot = find(current, rowId);
        if (slot >= 0) {
            SLOTS.setRelease(current.values(), slot, deleteTs);
            return;
        }
        if ((size + removed + 1) * 2 > current.keys().length) {
            current = rebuild(size + 1);
        }
        slot = freeSlot(current, rowId);
        current.values()[slot] = deleteTs;
        SLOTS.setRelease(current.keys(), slot, rowId);
        size++;
    }

    /** Forgets the tombstone of {@code rowId}, if any. */
    synchronized void remove(long rowId) {
        int slot = find(table, rowId);
        if (slot >= 0) {
            SLOTS.setRelease(table.keys(), slot, REMOVED);
            size--;
            removed++;
        }
    }

    synchronized int size() {
        return size;
    }

    /** The row ids whose tombstones are at or before {@code ts}, in no particular order (a copy). */
    long[] rowsDeletedAtOrBefore(long ts) {
        Table current = table;
        long[] keys = current.keys();
        long[] found = new long[16];
        int count = 0;
        for (int slot = 0; slot < keys.length; slot++) {
            long key = (long) SLOTS.getAcquire(keys, slot);
            if (key >= 0 && (long) SLOTS.getAcquire(current.values(), slot) <= ts) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, count * 2);
                }
                found[count++] = key;
            }
        }
        return Arrays.copyOf(found, count);
    }

    /** The slot holding {@code rowId} in {@code current}, or -1. */
    private static int find(Table current, long rowId) {
        long[] keys = current.keys();
        int mask = keys.length - 1;
        for (int slot = slot(rowId, mask); ; slot = (slot + 1) & mask) {
            if (keys[slot] == rowId) {
                return slot;
            }
            if (keys[slot] == EMPTY) {
                return -1;
            }
        }
    }

    /** The first empty slot on {@code rowId}'s probe path (markers are passed over, never reused). */
    private static int freeSlot(Table current, long rowId) {
        long[] keys = current.keys();
        int mask = keys.length - 1;
        int slot = slot(rowId, mask);
        while (keys[slot] != EMPTY) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** Copies the live entries into new arrays with room for four times {@code entries}, and publishes them. */
    private Table rebuild(int entries) {
        int capacity = Math.max(MIN_CAPACITY, Integer.highestOneBit(Math.max(1, entries) * 4 - 1) << 1);
        Table next = Table.withCapacity(capacity);
        Table current = table;
        for (int slot = 0; slot < current.keys().length; slot++) {
            long key = current.keys()[slot];
            if (key >= 0) {
                int to = freeSlot(next, key);
                next.keys()[to] = key;
                next.values()[to] = current.values()[slot];
            }
        }
        removed = 0;
        table = next; // volatile: readers of the new table see its entries
        return next;
    }

    private static int slot(long rowId, int mask) {
        long mixed = rowId * 0x9E3779B97F4A7C15L;
        return (int) (mixed ^ (mixed >>> 32)) & mask;
    }
}
