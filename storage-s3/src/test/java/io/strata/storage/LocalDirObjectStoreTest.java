package io.strata.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
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

    /**
     * Objects put and deleted while a listing walks the directories (puts pass through temporary files)
     * never fail the listing: S3 lists whatever is there, and so must this store.
     */
    @Test
    @Timeout(60)
    void listingWhileObjectsComeAndGoNeverFails() throws Exception {
        ObjectStore store = openStore();
        AtomicBoolean done = new AtomicBoolean();
        CompletableFuture<Void> churn = CompletableFuture.runAsync(() -> {
            for (int round = 0; round < 60 && !done.get(); round++) {
                for (int i = 0; i < 20; i++) {
                    store.put("tables/" + (i % 4) + "/obj-" + round + "-" + i, new byte[] {1});
                }
                for (int i = 0; i < 20; i++) {
                    store.delete("tables/" + (i % 4) + "/obj-" + round + "-" + i);
                }
            }
        });
        try {
            while (!churn.isDone()) {
                List<String> keys = store.list("tables/");
                assertTrue(keys.stream().allMatch(key -> key.startsWith("tables/") && key.contains("/obj-")), keys.toString());
            }
            churn.get();
        } finally {
            done.set(true);
        }
    }
}
