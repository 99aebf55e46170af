package io.strata.storage;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@link ObjectStore} contract, run against every implementation. A subclass opens a fresh, empty
 * store per call of {@link #openStore()}; tests close what they open.
 */
abstract class ObjectStoreContractTest {
    /** A new store with no objects in it. */
    abstract ObjectStore openStore();

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void putGetOverwriteAndRangedGet() {
        try (ObjectStore store = openStore()) {
            store.put("a/b/obj-1.bin", bytes("hello world"));
            assertArrayEquals(bytes("hello world"), store.get("a/b/obj-1.bin"));
            assertEquals(11, store.size("a/b/obj-1.bin"));
            assertArrayEquals(bytes("world"), store.getRange("a/b/obj-1.bin", 6, 5));
            store.put("a/b/obj-1.bin", bytes("bye"));
            assertArrayEquals(bytes("bye"), store.get("a/b/obj-1.bin"));
            assertTrue(store.exists("a/b/obj-1.bin"));
            assertFalse(store.exists("a/b/obj-2.bin"));
            StrataException beyond = assertThrows(StrataException.class, () -> store.getRange("a/b/obj-1.bin", 2, 5));
            assertEquals(ErrorCode.ER_STORAGE_FAILURE, beyond.code());
        }
    }

    @Test
    void rangesAtTheEdgesOfAnObject() {
        try (ObjectStore store = openStore()) {
            store.put("r", bytes("0123456789"));
            assertArrayEquals(bytes("0"), store.getRange("r", 0, 1));
            assertArrayEquals(bytes("9"), store.getRange("r", 9, 1));
            assertArrayEquals(bytes("0123456789"), store.getRange("r", 0, 10));
            assertArrayEquals(new byte[0], store.getRange("r", 10, 0));
            for (long[] range : new long[][] {{10, 1}, {11, 0}, {20, 5}, {-1, 1}, {0, -1}}) {
                StrataException error = assertThrows(StrataException.class,
                        () -> store.getRange("r", range[0], (int) range[1]), range[0] + "+" + range[1]);
                assertEquals(ErrorCode.ER_STORAGE_FAILURE, error.code());
            }
            store.put("empty", new byte[0]);
            assertArrayEquals(new byte[0], store.get("empty"));
            assertEquals(0, store.size("empty"));
            assertTrue(store.exists("empty"));
        }
    }

    @Test
    void listIsSortedByPrefixAndSkipsNothingElse() {
        try (ObjectStore store = openStore()) {
            store.put("t/2/data-b", bytes("x"));
            store.put("t/1/data-a", bytes("x"));
            store.put("t/10/data-c", bytes("x"));
            store.put("checkpoints/ckpt-2", bytes("x"));
            store.put("checkpoints/ckpt-1", bytes("x"));
            assertEquals(List.of("t/1/data-a", "t/10/data-c", "t/2/data-b"), store.list("t/"));
            assertEquals(List.of("t/1/data-a", "t/10/data-c"), store.list("t/1"));
            assertEquals(List.of("checkpoints/ckpt-1", "checkpoints/ckpt-2"), store.list("checkpoints/ckpt-"));
            assertEquals(5, store.list("").size());
            assertEquals(List.of(), store.list("nothing/"));
            afterList(store);
        }
    }

    /** Hook for implementation-specific checks after the listing test (e.g. no temporary files left). */
    void afterList(ObjectStore store) {}

    @Test
    void deleteAndMissingObjects() {
        try (ObjectStore store = openStore()) {
            store.put("k", bytes("v"));
            store.delete("k");
            store.delete("k"); // deleting a missing key is fine
            assertFalse(store.exists("k"));
            StrataException missing = assertThrows(StrataException.class, () -> store.get("k"));
            assertEquals(ErrorCode.ER_STORAGE_FAILURE, missing.code());
            assertTrue(missing.getMessage().contains("k"), missing.getMessage());
            StrataException missingSize = assertThrows(StrataException.class, () -> store.size("k"));
            assertEquals(ErrorCode.ER_STORAGE_FAILURE, missingSize.code());
            StrataException missingRange = assertThrows(StrataException.class, () -> store.getRange("k", 0, 1));
            assertEquals(ErrorCode.ER_STORAGE_FAILURE, missingRange.code());
        }
    }

    @Test
    void invalidKeysAreRejected() {
        try (ObjectStore store = openStore()) {
            for (String key : List.of("", "/abs", "a//b", "../escape", "a/../b", "a/./b", "sp ace", "tilde~", "a/")) {
                StrataException error = assertThrows(StrataException.class, () -> store.put(key, bytes("x")), key);
                assertEquals(ErrorCode.ER_STORAGE_FAILURE, error.code());
                assertThrows(StrataException.class, () -> store.get(key), key);
                assertThrows(StrataException.class, () -> store.exists(key), key);
            }
            assertThrows(StrataException.class, () -> store.list("../"));
            assertThrows(StrataException.class, () -> store.list(null));
        }
    }
}
