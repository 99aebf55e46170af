package io.strata.compute.operator;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class StableIntSortTest {
    @Test
    void sortsLikeAStableBoxedSortAtEverySize() {
        Random random = new Random(3);
        for (int size : new int[] {0, 1, 2, 23, 24, 25, 100, 1000, 50_000}) {
            int[] keys = new int[size];
            for (int i = 0; i < size; i++) {
                keys[i] = random.nextInt(Math.max(1, size / 10)); // many equal keys: stability shows
            }
            int[] rows = new int[size];
            Integer[] boxed = new Integer[size];
            for (int i = 0; i < size; i++) {
                rows[i] = i;
                boxed[i] = i;
            }
            StableIntSort.sort(rows, (a, b) -> Integer.compare(keys[a], keys[b]));
            Arrays.sort(boxed, Comparator.comparingInt(row -> keys[row])); // java.util's object sort is stable
            assertArrayEquals(Arrays.stream(boxed).mapToInt(Integer::intValue).toArray(), rows, "size " + size);
        }
    }
}
