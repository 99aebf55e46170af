package io.strata.txn.mvcc;

import java.util.Arrays;

/**
 * Which row ids may carry a tombstone: one bit per row id, in pages of 2^16 ids made on first use, so
 * that a scan asks the tombstone map only about rows that were ever deleted; most rows a scan reads
 * never were, and a bit test costs far less than a map lookup. One writer (under the commit lock) sets
 * bits and never clears them (a row a merge forgot is never read again, so a stale bit only costs a
 * lookup). A reader sees every bit set before the commit that made its snapshot visible: the writer
 * sets bits before publishing that commit through a volatile write the reader's snapshot reads.
 */
final class TombstoneBits {
    private static final int PAGE_SHIFT = 16;
    private static final int PAGE_MASK = (1 << PAGE_SHIFT) - 1;
    private static final int WORDS_PER_PAGE = (1 << PAGE_SHIFT) / Long.SIZE;

    private volatile long[][] pages = new long[0][];

    /** Marks {@code rowId} (at least 0) as possibly tombstoned. One writer at a time. */
    void set(long rowId) {
        if (rowId < 0) {
            throw new IllegalArgumentException("negative row id " + rowId);
        }
        int page = Math.toIntExact(rowId >>> PAGE_SHIFT);
        long[][] current = pages;
        if (page >= current.length) {
            current = Arrays.copyOf(current, Math.max(page + 1, current.length * 2));
            pages = current;
        }
        long[] words = current[page];
        if (words == null) {
            words = new long[WORDS_PER_PAGE];
            current[page] = words;
        }
        int bit = (int) (rowId & PAGE_MASK);
        words[bit >>> 6] |= 1L << bit;
    }

    /** False when {@code rowId} certainly has no tombstone; true when it may have one. */
    boolean mayBeSet(long rowId) {
        if (rowId < 0) {
            return false;
        }
        long[][] current = pages;
        long page = rowId >>> PAGE_SHIFT;
        if (page >= current.length) {
            return false;
        }
        long[] words = current[(int) page];
        if (words == null) {
            return false;
        }
        int bit = (int) (rowId & PAGE_MASK);
        return (words[bit >>> 6] & (1L << bit)) != 0;
    }
}
