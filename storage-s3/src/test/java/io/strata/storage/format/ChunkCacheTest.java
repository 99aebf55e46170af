package io.strata.storage.format;

import io.strata.storage.LocalDirObjectStore;
import io.strata.storage.ObjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChunkCacheTest {
    @TempDir
    Path dir;

    private static ColumnChunk chunk(long offset, int length) {
        return new ColumnChunk(offset, length, null, null, 0);
    }

    private static byte[] bytes(int length, int seed) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, (byte) seed);
        return bytes;
    }

    @Test
    void aRepeatedChunkIsAHit() {
        ChunkCache cache = new ChunkCache(10_000);
        AtomicInteger loads = new AtomicInteger();
        try (ObjectStore store = new LocalDirObjectStore(dir)) {
            for (int read = 0; read < 3; read++) {
                for (int i = 0; i < 5; i++) {
                    int seed = i;
                    byte[] loaded = cache.get(store, "obj", chunk(i * 1000L, 1000), () -> {
                        loads.incrementAndGet();
                        return bytes(1000, seed);
                    });
                    assertArrayEquals(bytes(1000, i), loaded);
                }
            }
            assertEquals(5, loads.get(), "each chunk loaded once");
            assertEquals(5, cache.misses());
            assertEquals(10, cache.hits());
            assertEquals(5_000, cache.cachedBytes());
            cache.get(store, "big", chunk(0, 5000), () -> bytes(5000, 1)); // over a quarter: not kept
            assertNotSame(cache.get(store, "big", chunk(0, 5000), () -> bytes(5000, 1)),
                    cache.get(store, "big", chunk(0, 5000), () -> bytes(5000, 1)));
            assertEquals(5_000, cache.cachedBytes());
            cache.invalidateObject("obj");
            assertEquals(0, cache.cachedBytes());
        }
    }

    @Test
    void theByteBudgetHolds() {
        ChunkCache cache = new ChunkCache(10_000);
        try (ObjectStore store = new LocalDirObjectStore(dir)) {
            for (int i = 0; i < 200; i++) {
                int seed = i;
                assertArrayEquals(bytes(700, seed), cache.get(store, "obj", chunk(i * 700L, 700), () -> bytes(700, seed)));
                assertTrue(cache.cachedBytes() <= 10_000, "the budget holds: " + cache.cachedBytes());
            }
            assertTrue(cache.cachedBytes() > 5_000, "the cache is used: " + cache.cachedBytes());
            assertEquals(200, cache.misses());
        }
    }

    @Test
    void storesDoNotShareEntries() {
        ChunkCache cache = new ChunkCache(10_000);
        try (ObjectStore one = new LocalDirObjectStore(dir.resolve("one"));
             ObjectStore two = new LocalDirObjectStore(dir.resolve("two"))) {
            assertArrayEquals(bytes(10, 1), cache.get(one, "obj", chunk(0, 10), () -> bytes(10, 1)));
            assertArrayEquals(bytes(10, 2), cache.get(two, "obj", chunk(0, 10), () -> bytes(10, 2)),
                    "the same key in another store is another object");
        }
    }

    @Test
    void concurrentReadersGetTheirOwnChunks() throws Exception {
        ChunkCache cache = new ChunkCache(20_000);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (ObjectStore store = new LocalDirObjectStore(dir)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                java.util.Random random = new java.util.Random(t);
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        int n = random.nextInt(100);
                        assertArrayEquals(bytes(500, n), cache.get(store, "obj", chunk(n * 500L, 500), () -> bytes(500, n)));
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
            assertEquals(20_000, cache.hits() + cache.misses());
            assertTrue(cache.hits() > 0 && cache.cachedBytes() <= 20_000);
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
    }
}
