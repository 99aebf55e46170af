package io.strata.storage;

import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalDirObjectStoreTest extends ObjectStoreContractTest {
    @TempDir
    Path dir;

    @Override
    ObjectStore openStore() {
        return new LocalDirObjectStore(dir);
    }

    @Override
    void afterList(ObjectStore store) {
        try (Stream<Path> files = Files.walk(dir)) {
            assertTrue(files.noneMatch(path -> path.toString().endsWith("~tmp")), "no temporary file is left");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
