package io.strata.txn.mvcc;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BlockRowIdsTest {
    /** Blocks are in key order, so their row ids come shuffled: every id is still found at its position. */
    @Test
    void findsEachRowIdsPositionInAShuffledBlock() {
        Random random = new Random(3);
        long[] rowIds = new long[8192];
        for (int i = 0; i < rowIds.length; i++) {
            rowIds[i] = i * 3L + 1_000_000_000_000L;
        }
        for (int i = rowIds.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long swap = rowIds[i];
            rowIds[i] = rowIds[j];
            rowIds[j] = swap;
        }
        BlockRowIdCache.BlockRowIds block = BlockRowIdCache.BlockRowIds.of(rowIds, new long[rowIds.length]);
        for (int position = 0; position < rowIds.length; position++) {
            assertEquals(position, block.positionOf(rowIds[position]));
        }
        assertEquals(-1, block.positionOf(1_000_000_000_001L), "between two ids");
        assertEquals(-1, block.positionOf(0));
        assertEquals(-1, block.positionOf(Long.MAX_VALUE));
        assertEquals(-1, BlockRowIdCache.BlockRowIds.of(new long[0], new long[0]).positionOf(5));
    }
}
