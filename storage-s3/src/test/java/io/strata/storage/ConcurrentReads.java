package io.strata.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A few threads read random ranges of one object through a store and check every byte they get. */
final class ConcurrentReads {
    static final int THREADS = 4;
    static final int READS_PER_THREAD = 2_000;

    private ConcurrentReads() {}

    /** {@code object} must be stored under {@code key}; ranges are drawn from {@code ranges} {offset, length} pairs. */
    static void check(ObjectStore store, String key, byte[] object, int[][] ranges) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Random random = new Random(t);
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < READS_PER_THREAD; i++) {
                        int[] range = ranges[random.nextInt(ranges.length)];
                        byte[] expected = java.util.Arrays.copyOfRange(object, range[0], range[0] + range[1]);
                        assertArrayEquals(expected, store.getRange(key, range[0], range[1]));
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS), "reader threads stop");
        }
    }

    /** An object of {@code size} pseudo-random bytes and {@code count} ranges of it of {@code length} bytes. */
    static byte[] object(int size) {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    static int[][] ranges(int count, int length) {
        int[][] ranges = new int[count][];
        for (int i = 0; i < count; i++) {
            ranges[i] = new int[] {i * length, length};
        }
        return ranges;
    }
}
