package io.strata.storage;

import io.minio.MinioClient;
import io.minio.StatObjectArgs;
import io.strata.common.config.StrataConfig;
import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The object store contract on a real S3 endpoint (embedded S3Proxy), plus what only S3 has. */
class S3ObjectStoreTest extends ObjectStoreContractTest {
    private static final AtomicInteger BUCKETS = new AtomicInteger();
    private static final long PART_SIZE_BYTES = 5L << 20;
    private static S3ProxyServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3ProxyServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    /** A fresh bucket per store, so each test starts empty; the store creates it. */
    @Override
    ObjectStore openStore() {
        return new S3ObjectStore(server.config(freshBucket(), "", 2), PART_SIZE_BYTES);
    }

    private static String freshBucket() {
        return "strata-test-" + BUCKETS.incrementAndGet();
    }

    @Test
    void multipartUploadReadsBackByteForByteAndByRange() {
        byte[] big = new byte[(int) (2 * PART_SIZE_BYTES + 12_345)]; // three parts
        new Random(42).nextBytes(big);
        try (ObjectStore store = openStore()) {
            store.put("big/obj", big);
            // S3 marks the ETag of a multipart upload with its part count.
            assertTrue(etag(store, "big/obj").endsWith("-3"), "uploaded in three parts: " + etag(store, "big/obj"));
            assertEquals(big.length, store.size("big/obj"));
            assertArrayEquals(big, store.get("big/obj"));
            int boundary = (int) PART_SIZE_BYTES;
            assertArrayEquals(Arrays.copyOfRange(big, boundary - 100, boundary + 100),
                    store.getRange("big/obj", boundary - 100, 200), "a range across the first part boundary");
            assertArrayEquals(Arrays.copyOfRange(big, big.length - 10, big.length),
                    store.getRange("big/obj", big.length - 10, 10), "the tail of the last part");
            assertThrows(StrataException.class, () -> store.getRange("big/obj", big.length - 10, 11));
        }
    }

    private static String etag(ObjectStore store, String key) {
        S3ObjectStoreConfig config = ((S3ObjectStore) store).config();
        try (MinioClient client = MinioClient.builder().endpoint(config.endpoint())
                .credentials(config.accessKey(), config.secretKey()).region(config.region()).build()) {
            return client.statObject(StatObjectArgs.builder().bucket(config.bucket()).object(key).build()).etag();
        } catch (Exception e) {
            throw new AssertionError("stat " + key, e);
        }
    }

    @Test
    void prefixKeepsStoresApartInOneBucket() {
        String bucket = freshBucket();
        try (ObjectStore whole = new S3ObjectStore(server.config(bucket, "", 0));
             ObjectStore tenantA = new S3ObjectStore(server.config(bucket, "tenant-a", 0));
             ObjectStore tenantB = new S3ObjectStore(server.config(bucket, "tenant-b/", 0))) {
            tenantA.put("t/obj", bytes("a"));
            tenantB.put("t/obj", bytes("b"));
            assertArrayEquals(bytes("a"), tenantA.get("t/obj"));
            assertArrayEquals(bytes("b"), tenantB.get("t/obj"));
            assertEquals(List.of("t/obj"), tenantA.list(""));
            assertEquals(List.of("tenant-a/t/obj", "tenant-b/t/obj"), whole.list(""));
            tenantA.delete("t/obj");
            assertFalse(tenantA.exists("t/obj"));
            assertTrue(tenantB.exists("t/obj"));
        }
    }

    @Test
    void listingPagesThroughMoreKeysThanOnePage() {
        int pageKeys = 7;
        try (ObjectStore store = new S3ObjectStore(server.config(freshBucket(), "", 2), PART_SIZE_BYTES, pageKeys)) {
            int count = 5 * pageKeys + 3;
            for (int i = count - 1; i >= 0; i--) {
                store.put(String.format("p/k-%05d", i), new byte[0]);
            }
            List<String> keys = store.list("p/");
            assertEquals(count, keys.size());
            assertEquals("p/k-00000", keys.get(0));
            assertEquals(String.format("p/k-%05d", count - 1), keys.get(count - 1));
        }
    }

    @Test
    void stoppedServerFailsClearlyAfterBoundedRetries() throws Exception {
        int maxRetries = 3;
        try (S3ProxyServer doomed = S3ProxyServer.start();
             ObjectStore store = new S3ObjectStore(doomed.config("strata-doomed", "", maxRetries))) {
            store.put("k", bytes("v"));
            doomed.stop();
            long startNanos = System.nanoTime();
            StrataException error = assertThrows(StrataException.class, () -> store.get("k"));
            long elapsedMs = (System.nanoTime() - startNanos) / 1_000_000;
            assertEquals(ErrorCode.ER_STORAGE_FAILURE, error.code());
            assertTrue(error.getMessage().contains("get k"), error.getMessage());
            assertTrue(error.getMessage().contains("after " + (maxRetries + 1) + " attempt(s)"), error.getMessage());
            // Backoff 50 + 100 + 200 ms at most, plus refused connections: well under the bound.
            assertTrue(elapsedMs < 5_000, "failed within a bounded time: " + elapsedMs + " ms");
            assertTrue(elapsedMs >= 3 * S3RetryPolicy.BASE_BACKOFF_MS / 2 / 2, "did back off: " + elapsedMs + " ms");
        }
    }

    @Test
    void constructionAgainstNoServerFailsClearly() {
        S3ObjectStoreConfig nowhere = new S3ObjectStoreConfig("http://127.0.0.1:1", "b-1", "us-east-1", null, null, "",
                Duration.ofSeconds(1), 1);
        StrataException error = assertThrows(StrataException.class, () -> new S3ObjectStore(nowhere));
        assertEquals(ErrorCode.ER_STORAGE_FAILURE, error.code());
        assertTrue(error.getMessage().contains("create bucket b-1"), error.getMessage());
    }

    @Test
    void wrongCredentialsAreAClientErrorAndNotRetried() {
        S3ObjectStoreConfig wrong = new S3ObjectStoreConfig(server.endpoint(), freshBucket(), "us-east-1",
                S3ProxyServer.ACCESS_KEY, "not-the-secret", "", Duration.ofSeconds(5), 5);
        StrataException error = assertThrows(StrataException.class, () -> new S3ObjectStore(wrong));
        assertEquals(ErrorCode.ER_STORAGE_FAILURE, error.code());
        assertTrue(error.getMessage().contains("after 1 attempt(s)"), error.getMessage());
    }

    @Test
    void configIsReadFromStrataConfigWithDefaults() {
        StrataConfig config = StrataConfig.defaults()
                .with("storage.s3.endpoint", "http://127.0.0.1:9000")
                .with("storage.s3.bucket", "strata");
        S3ObjectStoreConfig defaults = S3ObjectStoreConfig.from(config);
        assertEquals(new S3ObjectStoreConfig("http://127.0.0.1:9000", "strata", "us-east-1", null, null, "",
                Duration.ofMillis(30_000), 5), defaults);
        S3ObjectStoreConfig all = S3ObjectStoreConfig.from(config
                .with("storage.s3.region", "eu-west-1")
                .with("storage.s3.access-key", "ak")
                .with("storage.s3.secret-key", "sk")
                .with("storage.s3.prefix", "cluster-1")
                .with("storage.s3.timeout-ms", "1500")
                .with("storage.s3.max-retries", "2"));
        assertEquals(new S3ObjectStoreConfig("http://127.0.0.1:9000", "strata", "eu-west-1", "ak", "sk", "cluster-1/",
                Duration.ofMillis(1500), 2), all);
        assertFalse(all.toString().contains("sk,"), "the secret key is not printed: " + all);
        assertThrows(IllegalArgumentException.class, () -> S3ObjectStoreConfig.from(StrataConfig.defaults()));
        assertThrows(IllegalArgumentException.class,
                () -> S3ObjectStoreConfig.from(config.with("storage.s3.max-retries", "-1")));
    }
}
