package io.strata.txn.checkpoint;

import io.strata.txn.mvcc.DataObjectRef;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MergePolicyTest {
    /** Small objects as for a table without a key order: merges roll at 512k rows. */
    private static final long SMALL = ObjectSequence.MAX_OBJECT_ROWS / 4;

    static List<DataObjectRef> objects(long... rowCounts) {
        List<DataObjectRef> objects = new ArrayList<>();
        for (int i = 0; i < rowCounts.length; i++) {
            objects.add(new DataObjectRef("o" + i, rowCounts[i]));
        }
        return objects;
    }

    @Test
    void tiersGrowByTheFactor() {
        assertEquals(0, MergePolicy.tier(1));
        assertEquals(0, MergePolicy.tier(7));
        assertEquals(1, MergePolicy.tier(8));
        assertEquals(2, MergePolicy.tier(64));
        assertEquals(3, MergePolicy.tier(4095));
        assertEquals(4, MergePolicy.tier(4096));
    }

    @Test
    void onlyTheCrowdedTierIsMergedNotTheBigObjectsBesideIt() {
        List<DataObjectRef> objects = new ArrayList<>(objects(100_000, 20_000, 3_000));
        objects.addAll(objects(300, 300, 300, 300, 300, 300, 300, 300));
        assertEquals(Optional.empty(), MergePolicy.crowdedTier(objects, SMALL), "eight in a tier are fine");
        objects.add(new DataObjectRef("o-new", 250));
        List<DataObjectRef> picked = MergePolicy.crowdedTier(objects, SMALL).orElseThrow();
        assertEquals(9, picked.size());
        assertTrue(picked.stream().allMatch(object -> object.rowCount() < 512), picked.toString());
        assertEquals(Optional.empty(), MergePolicy.crowdedTier(objects(600_000, 600_000, 600_000, 600_000, 600_000,
                600_000, 600_000, 600_000, 600_000), SMALL), "objects that are not small are never merged for their count");
    }

    /** What {@link #flushAndMerge} left: rows rewritten by merges, rows flushed, the objects at the end. */
    private record Simulated(long rewritten, long flushed, List<DataObjectRef> objects) {}

    /**
     * {@code flushes} flushes of 256 rows each, merged as the policy says with small objects below
     * {@code smallObjectRows}; merges roll a new object every {@code objectRows} rows.
     */
    private static Simulated flushAndMerge(int flushes, long smallObjectRows, long objectRows) {
        List<DataObjectRef> objects = new ArrayList<>();
        long rewritten = 0;
        for (int flush = 0; flush < flushes; flush++) {
            objects.add(new DataObjectRef("f" + flush, 256));
            Optional<List<DataObjectRef>> picked = MergePolicy.crowdedTier(objects, smallObjectRows);
            if (picked.isPresent()) {
                long rows = picked.get().stream().mapToLong(DataObjectRef::rowCount).sum();
                assertTrue(picked.get().stream().allMatch(object -> object.rowCount() < smallObjectRows), picked.toString());
                rewritten += rows;
                objects.removeAll(picked.get());
                for (long left = rows; left > 0; left -= objectRows) {
                    objects.add(new DataObjectRef("m" + flush + "-" + left, Math.min(left, objectRows)));
                }
            }
        }
        return new Simulated(rewritten, 256L * flushes, objects);
    }

    /** Frequent small flushes: each row is rewritten a few times, not once per flush. */
    @Test
    void frequentFlushesRewriteEachRowAboutOncePerTier() {
        Simulated run = flushAndMerge(2_000, SMALL, ObjectSequence.MAX_OBJECT_ROWS);
        assertTrue(run.rewritten() < 5 * run.flushed(), "rewritten " + run.rewritten() + " rows for " + run.flushed() + " flushed");
        assertTrue(run.objects().size() < 40, run.objects().size() + " objects left");
    }

    /** As above for a key-ordered table, whose merges roll objects at 64k rows: those are never merged again for their count. */
    @Test
    void keyOrderedMergeOutputsAreNotMergedAgainForTheirCount() {
        long objectRows = ObjectSequence.KEY_ORDERED_MERGE_ROWS;
        Simulated run = flushAndMerge(8_000, objectRows / 4, objectRows);
        assertTrue(run.rewritten() < 4 * run.flushed(), "rewritten " + run.rewritten() + " rows for " + run.flushed() + " flushed");
        assertTrue(run.objects().size() < run.flushed() / (objectRows / 4) + 20, run.objects().size() + " objects left");
    }

    @Test
    void sparseObjectsAreLookedForAgainOnlyAfterEnoughNewDroppableRows() {
        assertTrue(MergePolicy.sparseLookDue(0, -1, 100_000), "the first look is always due");
        // 5% of 100,000 rows make an object worth rewriting; a twentieth of that is 250 rows.
        assertFalse(MergePolicy.sparseLookDue(2_200, 2_000, 100_000));
        assertTrue(MergePolicy.sparseLookDue(2_250, 2_000, 100_000));
        // A small table is looked at again after each new droppable row.
        assertFalse(MergePolicy.sparseLookDue(7, 7, 150));
        assertTrue(MergePolicy.sparseLookDue(8, 7, 150));
    }

    @Test
    void droppableRowsAreCountedByWalkingBothSortedLists() {
        assertEquals(3, MergePolicy.countDroppable(new long[] {1, 4, 5, 9, 12}, new long[] {0, 4, 5, 6, 12, 40}));
        assertEquals(0, MergePolicy.countDroppable(new long[] {1, 2}, new long[] {}));
        assertEquals(0, MergePolicy.countDroppable(new long[] {}, new long[] {1}));
    }
}
