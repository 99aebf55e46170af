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
}
