package io.strata.storage;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalDirObjectStoreTest {
    @TempDir
    Path dir;

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void putGetOverwriteAndRangedGet() {
        try (ObjectStore store = new LocalDirObjectStore(dir)) {
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
    void listIsSortedByPrefixAndSkipsNothingElse() throws IOException {
        try (ObjectStore store = new LocalDirObjectStore(dir)) {
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
            try (Stream<Path> files = Files.walk(dir)) {
                assertTrue(files.noneMatch(path -> path.toString().endsWith("~tmp")), "no temporary file is left");
            }
        }
    }

    @Test
    void deleteAndMissingObjects() {
        try (ObjectStore store = new LocalDirObjectStore(dir)) {
            store.put("k", bytes("v"));
            store.delete("k");
            store.delete("k"); // deleting a missing key is fine
            assertFalse(store.exists("k"));
            StrataException missing = assertThrows(StrataException.class, () -> store.get("k"));
            assertEquals(ErrorCode.ER_STORAGE_FAILURE, missing.code());
            assertThrows(StrataException.class, () -> store.size("k"));
        }
    }

    @Test
    void invalidKeysAreRejected() {
        try (ObjectStore store = new LocalDirObjectStore(dir)) {
            for (String key : List.of("", "/abs", "a//b", "../escape", "a/../b", "a/./b", "sp ace", "tilde~", "a/")) {
                StrataException error = assertThrows(StrataException.class, () -> store.put(key, bytes("x")), key);
                assertEquals(ErrorCode.ER_STORAGE_FAILURE, error.code());
            }
        }
    }
}
