package io.strata.storage.format;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BloomFilterTest {
    private static final int KEYS = 100_000;

    /** The share of {@code KEYS} hashes not added that the filter admits, after checking every added one is admitted. */
    private static double falsePositiveRate(long[] added, long[] absent) {
        BloomFilter filter = BloomFilter.of(added, added.length);
        for (long hash : added) {
            assertTrue(filter.mightContain(hash), "no false negative");
        }
        int admitted = 0;
        for (long hash : absent) {
            if (filter.mightContain(hash)) {
                admitted++;
            }
        }
        return admitted / (double) absent.length;
    }

    @Test
    void randomHashesHaveAboutOnePercentFalsePositives() {
        SplittableRandom random = new SplittableRandom(7);
        long[] added = random.longs(KEYS).toArray();
        long[] absent = random.longs(KEYS).toArray();
        double rate = falsePositiveRate(added, absent);
        System.out.printf("bloom filter, random hashes: %.3f%% false positives on %d keys%n", rate * 100, KEYS);
        assertTrue(rate < 0.02, "false positive rate " + rate);
    }

    @Test
    void weakHashesLikeTheKeysThemselvesWorkToo() {
        long[] added = new long[KEYS];
        long[] absent = new long[KEYS];
        for (int i = 0; i < KEYS; i++) {
            added[i] = i;          // e.g. a BIGINT key used as its own hash
            absent[i] = KEYS + i;
        }
        double rate = falsePositiveRate(added, absent);
        System.out.printf("bloom filter, sequential keys as hashes: %.3f%% false positives%n", rate * 100);
        assertTrue(rate < 0.02, "false positive rate " + rate);
    }

    @Test
    void sizedAtTenBitsPerKeyAndRebuiltFromItsWords() {
        long[] added = new SplittableRandom(1).longs(1000).toArray();
        BloomFilter filter = BloomFilter.of(added, added.length);
        assertEquals((1000 * BloomFilter.BITS_PER_KEY + 63) / 64 * 8, filter.sizeInBytes(), "10 bits a key, whole words");
        BloomFilter copy = BloomFilter.fromWords(filter.hashFunctions(), filter.words());
        assertEquals(filter, copy);
        for (long hash : added) {
            assertTrue(copy.mightContain(hash));
        }
        BloomFilter empty = BloomFilter.of(new long[0], 0);
        assertFalse(empty.mightContain(42), "an empty filter admits nothing");
        assertEquals(Long.BYTES, empty.sizeInBytes());
    }
}
