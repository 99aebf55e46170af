package io.strata.txn.mvcc;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TombstoneMapTest {
    @Test
    void answersLikeAHashMapThroughGrowthAndRemovals() {
        TombstoneMap map = new TombstoneMap();
        Map<Long, Long> expected = new HashMap<>();
        Random random = new Random(7);
        for (int step = 0; step < 200_000; step++) {
            long rowId = random.nextInt(20_000);
            if (random.nextInt(3) == 0) {
                map.remove(rowId);
                expected.remove(rowId);
            } else {
                long ts = 1 + random.nextInt(1_000_000);
                map.put(rowId, ts);
                expected.put(rowId, ts);
            }
        }
        assertEquals(expected.size(), map.size());
        for (long rowId = 0; rowId < 20_000; rowId++) {
            assertEquals(expected.getOrDefault(rowId, TombstoneMap.NONE), map.get(rowId), "row " + rowId);
            assertEquals(expected.containsKey(rowId), map.containsKey(rowId));
        }
        long[] early = map.rowsDeletedAtOrBefore(500_000);
        Arrays.sort(early);
        assertArrayEquals(expected.entrySet().stream().filter(e -> e.getValue() <= 500_000)
                .mapToLong(Map.Entry::getKey).sorted().toArray(), early);
    }

    @Test
    void rowsNeverDeletedAndNegativeIdsAreNotStored() {
        TombstoneMap map = new TombstoneMap();
        assertEquals(TombstoneMap.NONE, map.get(0));
        assertEquals(TombstoneMap.NONE, map.get(Long.MAX_VALUE));
        map.put(0, 5);
        assertEquals(5, map.get(0));
        map.put(0, 6);
        assertEquals(6, map.get(0), "a second put replaces");
        assertEquals(1, map.size());
        assertThrows(IllegalArgumentException.class, () -> map.put(-1, 5));
        assertFalse(map.containsKey(-1));
    }

    /** One writer adds and removes entries while readers probe: a reader never sees a wrong time. */
    @Test
    void readersWithoutLocksSeeEntriesWholeWhileTheWriterGrowsAndRebuilds() throws Exception {
        TombstoneMap map = new TombstoneMap();
        AtomicLong published = new AtomicLong(-1); // every row id up to this one has its tombstone
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<String> failure = new AtomicReference<>();
        Thread[] readers = new Thread[2];
        for (int r = 0; r < readers.length; r++) {
            long seed = r;
            readers[r] = Thread.ofPlatform().start(() -> {
                Random random = new Random(seed);
                while (!done.get() && failure.get() == null) {
                    long upTo = published.get();
                    if (upTo < 0) {
                        continue;
                    }
                    long rowId = random.nextLong(upTo + 1);
                    long ts = map.get(rowId);
                    // Even row r is removed after row r + 2000 is published: the front must have passed it.
                    boolean mayBeRemoved = rowId % 2 == 0 && published.get() >= rowId + 2_000;
                    if (ts != rowId * 10 + 1 && !(mayBeRemoved && ts == TombstoneMap.NONE)) {
                        failure.compareAndSet(null, "row " + rowId + " read " + ts + " (published up to " + upTo + ")");
                    }
                }
            });
        }
        for (long rowId = 0; rowId < 300_000 && failure.get() == null; rowId++) {
            map.put(rowId, rowId * 10 + 1);
            published.set(rowId);
            if (rowId >= 2_000 && rowId % 2 == 0) {
                map.remove(rowId - 2_000); // even rows well behind the front go away, leaving markers
            }
        }
        done.set(true);
        for (Thread reader : readers) {
            reader.join(30_000);
            assertFalse(reader.isAlive());
        }
        assertNull(failure.get());
        assertTrue(map.size() > 150_000 && map.size() < 152_000, "size " + map.size());
    }
}
