package io.strata.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract (through the cache, over a local directory), then what the disk cache itself promises. */
class DiskCacheObjectStoreTest extends ObjectStoreContractTest {
    private static final AtomicInteger STORES = new AtomicInteger();

    @TempDir
    Path dir;

    @Override
    ObjectStore openStore() {
        int n = STORES.incrementAndGet();
        return new DiskCacheObjectStore(new LocalDirObjectStore(dir.resolve("objects-" + n)), dir.resolve("cache-" + n),
                1 << 20);
    }

    private Path cacheDir() {
        return dir.resolve("cache");
    }

    private CountingObjectStore objects() {
        return new CountingObjectStore(new LocalDirObjectStore(dir.resolve("objects")));
    }

    private List<Path> cacheFiles() throws IOException {
        try (Stream<Path> files = Files.walk(cacheDir())) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void repeatedRangesAreReadFromDiskAndCounted() {
        byte[] object = ConcurrentReads.object(10_000);
        CountingObjectStore objects = objects();
        try (DiskCacheObjectStore store = new DiskCacheObjectStore(objects, cacheDir(), 100_000)) {
            store.put("t/obj", object);
            assertArrayEquals(Arrays.copyOfRange(object, 100, 1100), store.getRange("t/obj", 100, 1000));
            assertArrayEquals(Arrays.copyOfRange(object, 100, 1100), store.getRange("t/obj", 100, 1000));
            assertEquals(1, store.misses());
            assertEquals(1, store.hits());
            assertEquals(1, objects.rangeGets.get(), "the second read never reached the delegate");
            assertTrue(store.cachedBytes() > 1000, "file = header + range: " + store.cachedBytes());
        }
    }

    @Test
    void leastRecentlyUsedFilesGoFirstWithinTheBudget() throws IOException {
        byte[] object = ConcurrentReads.object(100_000);
        CountingObjectStore objects = objects();
        try (DiskCacheObjectStore store = new DiskCacheObjectStore(objects, cacheDir(), 10_000)) {
            store.put("t/obj", object);
            store.getRange("t/obj", 0, 2000);              // the one kept hot
            for (int i = 1; i <= 20; i++) {
                store.getRange("t/obj", i * 2000L, 2000);
                store.getRange("t/obj", 0, 2000);
                assertTrue(store.cachedBytes() <= 10_000, "the budget holds: " + store.cachedBytes());
            }
            assertEquals(21, objects.rangeGets.get(), "the hot range was never evicted");
            long onDisk = 0;
            for (Path file : cacheFiles()) {
                onDisk += Files.size(file);
            }
            assertEquals(store.cachedBytes(), onDisk, "evicted files are deleted");
            store.getRange("t/obj", 2000, 2000);           // the oldest cold range was evicted
            assertEquals(22, objects.rangeGets.get());
        }
    }

    @Test
    void survivesARestartAndLosesNothingWhenTheDirectoryIsDeleted() throws IOException {
        byte[] object = ConcurrentReads.object(50_000);
        try (DiskCacheObjectStore store = new DiskCacheObjectStore(objects(), cacheDir(), 1 << 20)) {
            store.put("t/obj", object);
            for (int offset = 0; offset < 50_000; offset += 5_000) {
                store.getRange("t/obj", offset, 5_000);
            }
        }
        Files.createDirectories(cacheDir().resolve("00"));
        Files.writeString(cacheDir().resolve("00").resolve("range-1.tmp"), "half-written"); // from a crash
        CountingObjectStore objects = objects();
        long cachedBefore;
        try (DiskCacheObjectStore store = new DiskCacheObjectStore(objects, cacheDir(), 1 << 20)) {
            cachedBefore = store.cachedBytes();
            assertTrue(cachedBefore > 50_000, "the files were found again: " + cachedBefore);
            for (int offset = 0; offset < 50_000; offset += 5_000) {
                assertArrayEquals(Arrays.copyOfRange(object, offset, offset + 5_000), store.getRange("t/obj", offset, 5_000));
            }
            assertEquals(10, store.hits());
            assertEquals(0, objects.rangeGets.get());
            assertFalse(Files.exists(cacheDir().resolve("00").resolve("range-1.tmp")), "temporary files are removed");
        }
        try (Stream<Path> files = Files.walk(cacheDir())) {
            for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        objects = objects();
        try (DiskCacheObjectStore store = new DiskCacheObjectStore(objects, cacheDir(), 1 << 20)) {
            assertEquals(0, store.cachedBytes());
            assertArrayEquals(Arrays.copyOfRange(object, 5_000, 10_000), store.getRange("t/obj", 5_000, 5_000));
            assertEquals(1, objects.rangeGets.get(), "read again from the object store");
        }
    }

    @Test
    void corruptOrTruncatedFilesAreMissesAndDeleted() throws IOException {
        byte[] object = ConcurrentReads.object(10_000);
        CountingObjectStore objects = objects();
        try (DiskCacheObjectStore store = new DiskCacheObjectStore(objects, cacheDir(), 1 << 20)) {
            store.put("t/obj", object);
            store.getRange("t/obj", 0, 4000);
            store.getRange("t/obj", 4000, 4000);
            List<Path> files = cacheFiles();
            assertEquals(2, files.size());
            Path first = files.stream().filter(p -> p.getFileName().toString().endsWith("-0-4000.range")).findFirst()
                    .orElseThrow();
            Path second = files.stream().filter(p -> p != first).findFirst().orElseThrow();
            byte[] flipped = Files.readAllBytes(first);
            flipped[flipped.length - 10] ^= 0x40;                      // one bit in the data
            Files.write(first, flipped);
            byte[] whole = Files.readAllBytes(second);
            Files.write(second, Arrays.copyOf(whole, whole.length - 1)); // cut short

            assertArrayEquals(Arrays.copyOfRange(object, 0, 4000), store.getRange("t/obj", 0, 4000));
            assertArrayEquals(Arrays.copyOfRange(object, 4000, 8000), store.getRange("t/obj", 4000, 4000));
            assertEquals(4, objects.rangeGets.get(), "both were fetched again");
            assertEquals(0, store.hits());
            assertArrayEquals(Arrays.copyOfRange(object, 0, 4000), store.getRange("t/obj", 0, 4000));
            assertEquals(1, store.hits(), "the rewritten file is good");
            assertEquals(2, cacheFiles().size());
        }
    }

    @Test
    void deleteDropsTheRangesOfItsKeyOnly() throws IOException {
        byte[] object = ConcurrentReads.object(10_000);
        try (DiskCacheObjectStore store = new DiskCacheObjectStore(objects(), cacheDir(), 1 << 20)) {
            store.put("t/a", object);
            store.put("t/b", object);
            store.getRange("t/a", 0, 1000);
            store.getRange("t/a", 1000, 1000);
            store.getRange("t/b", 0, 1000);
            assertEquals(3, cacheFiles().size());
            store.delete("t/a");
            assertEquals(1, cacheFiles().size());
            assertEquals(Files.size(cacheFiles().get(0)), store.cachedBytes());
        }
    }

    @Test
    void concurrentReadersSeeTheRightBytes() throws Exception {
        byte[] object = ConcurrentReads.object(256 * 1024);
        try (DiskCacheObjectStore store = new DiskCacheObjectStore(objects(), cacheDir(), 64 * 1024)) {
            store.put("obj", object);
            ConcurrentReads.check(store, "obj", object, ConcurrentReads.ranges(200, 1024));
            assertTrue(store.cachedBytes() <= 64 * 1024, "the budget holds: " + store.cachedBytes());
            assertTrue(store.hits() > 0, store.hits() + " hits");
            assertEquals((long) ConcurrentReads.THREADS * ConcurrentReads.READS_PER_THREAD, store.hits() + store.misses());
        }
    }
}
