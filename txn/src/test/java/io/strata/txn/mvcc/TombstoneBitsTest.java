package io.strata.txn.mvcc;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TombstoneBitsTest {
    @Test
    void answersExactlyForTheIdsSetAcrossPagesAndGrowth() {
        TombstoneBits bits = new TombstoneBits();
        TreeSet<Long> set = new TreeSet<>();
        Random random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            long rowId = random.nextInt(3) == 0 ? random.nextInt(200) : (long) random.nextInt(5_000_000);
            bits.set(rowId);
            set.add(rowId);
        }
        bits.set(0);
        set.add(0L);
        bits.set((1L << 16) - 1);
        set.add((1L << 16) - 1);
        bits.set(1L << 16);
        set.add(1L << 16);
        for (long rowId = 0; rowId < 5_100_000; rowId++) {
            assertEquals(set.contains(rowId), bits.mayBeSet(rowId), "row id " + rowId);
        }
        assertFalse(bits.mayBeSet(Long.MAX_VALUE));
        assertFalse(bits.mayBeSet(-1));
    }

    @Test
    void aFreshSetHasNothingAndRejectsNegativeIds() {
        TombstoneBits bits = new TombstoneBits();
        assertFalse(bits.mayBeSet(0));
        assertFalse(bits.mayBeSet(123_456_789));
        assertThrows(IllegalArgumentException.class, () -> bits.set(-5));
        bits.set(123_456_789);
        assertTrue(bits.mayBeSet(123_456_789));
        assertFalse(bits.mayBeSet(123_456_788));
    }
}
