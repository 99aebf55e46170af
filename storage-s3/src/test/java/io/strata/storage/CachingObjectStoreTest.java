package io.strata.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CachingObjectStoreTest {
    @TempDir
    Path dir;

    @Test
    void repeatedRangesAreServedFromMemoryWithinTheBudget() {
        try (CachingObjectStore store = new CachingObjectStore(new LocalDirObjectStore(dir), 100)) {
            store.put("obj", "0123456789abcdefghij".getBytes(StandardCharsets.UTF_8));
            assertArrayEquals("2345".getBytes(StandardCharsets.UTF_8), store.getRange("obj", 2, 4));
            assertArrayEquals("2345".getBytes(StandardCharsets.UTF_8), store.getRange("obj", 2, 4));
            assertEquals(1, store.hits());
            assertEquals(1, store.misses());
            for (int offset = 0; offset < 20; offset++) {
                store.getRange("obj", offset, 20 - offset >= 20 ? 20 : 1);
            }
            assertTrue(store.cachedBytes() <= 100, "the budget holds: " + store.cachedBytes());
            store.put("obj", "ZZZZZZZZZZZZZZZZZZZZ".getBytes(StandardCharsets.UTF_8));
            assertArrayEquals("ZZZZ".getBytes(StandardCharsets.UTF_8), store.getRange("obj", 2, 4),
                    "a rewrite drops the cached ranges of the key");
        }
    }

    @Test
    void theIndexOfRangesByObjectFollowsEvictionsAndForgetsDeletedObjects() {
        try (CachingObjectStore store = new CachingObjectStore(new LocalDirObjectStore(dir), 1_000)) {
            for (int i = 0; i < 200; i++) {
                store.put("obj-" + i, ConcurrentReads.object(100));
                store.getRange("obj-" + i, 0, 50);
                store.getRange("obj-" + i, 50, 50);
            }
            assertTrue(store.cachedBytes() <= 1_000);
            assertTrue(store.indexedObjects() <= 20, "evicted ranges leave the index: " + store.indexedObjects());
            for (int i = 0; i < 200; i++) {
                store.delete("obj-" + i);
            }
            assertEquals(0, store.cachedBytes());
            assertEquals(0, store.indexedObjects());
            store.put("obj-7", "again".getBytes(StandardCharsets.UTF_8));
            assertArrayEquals("gain".getBytes(StandardCharsets.UTF_8), store.getRange("obj-7", 1, 4));
        }
    }

    @Test
    void manyRangesStayWithinTheByteBudgetAndRepeatsHit() {
        byte[] object = ConcurrentReads.object(64 * 1024);
        CountingObjectStore counting = new CountingObjectStore(new LocalDirObjectStore(dir));
        try (CachingObjectStore store = new CachingObjectStore(counting, 10_000)) {
            store.put("obj", object);
            for (int offset = 0; offset < object.length; offset += 1000 - 1) {
                store.getRange("obj", offset, Math.min(1000, object.length - offset));
                assertTrue(store.cachedBytes() <= 10_000, "the budget holds: " + store.cachedBytes());
            }
            assertTrue(store.cachedBytes() > 5_000, "the cache is used: " + store.cachedBytes());
            int fetched = counting.rangeGets.get();
            assertEquals(store.misses(), fetched, "every miss, and only a miss, reaches the delegate");
            store.getRange("obj", 0, 5_000); // over a quarter of the budget: read, not kept
            store.getRange("obj", 0, 5_000);
            assertEquals(fetched + 2, counting.rangeGets.get());
            store.delete("obj");
            assertEquals(0, store.cachedBytes(), "delete drops the key's ranges");
        }
    }

    @Test
    void concurrentReadersSeeTheRightBytes() throws Exception {
        byte[] object = ConcurrentReads.object(256 * 1024);
        try (CachingObjectStore store = new CachingObjectStore(new LocalDirObjectStore(dir), 32 * 1024)) {
            store.put("obj", object);
            ConcurrentReads.check(store, "obj", object, ConcurrentReads.ranges(200, 1024));
            assertTrue(store.cachedBytes() <= 32 * 1024, "the budget holds: " + store.cachedBytes());
            assertTrue(store.hits() > 0 && store.misses() >= 32, store.hits() + " hits, " + store.misses() + " misses");
            assertEquals((long) ConcurrentReads.THREADS * ConcurrentReads.READS_PER_THREAD, store.hits() + store.misses());
        }
    }
}
