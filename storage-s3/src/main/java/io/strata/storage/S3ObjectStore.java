package io.strata.storage;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.ObjectWriteArgs;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;
import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import okhttp3.OkHttpClient;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * An {@link ObjectStore} on S3 (or MinIO, Ceph, S3Proxy) through the MinIO Java SDK. A PUT is atomic
 * in S3: readers see the old object or the new one. Objects over {@link #DEFAULT_PART_SIZE_BYTES} go up
 * as a multipart upload, which S3 also makes visible only when complete. Every HTTP call has connect,
 * read and write timeouts; failed calls are retried by {@link S3RetryPolicy}. Keys are stored under the
 * configured prefix. The bucket is created at construction if it is missing. Thread-safe: the MinIO
 * client and the OkHttp pool are shared by all callers.
 */
public final class S3ObjectStore implements ObjectStore {
    public static final long DEFAULT_PART_SIZE_BYTES = 16L << 20;
    /** S3 caps one listing page at 1000 keys; the SDK pages on through continuation tokens. */
    static final int DEFAULT_LIST_PAGE_KEYS = 1000;

    private final S3ObjectStoreConfig config;
    private final long partSizeBytes;
    private final int listPageKeys;
    private final OkHttpClient httpClient;
    private final MinioClient client;
    private final S3RetryPolicy retry;

    public S3ObjectStore(S3ObjectStoreConfig config) {
        this(config, DEFAULT_PART_SIZE_BYTES);
    }

    /** {@code partSizeBytes}: objects larger than this are uploaded in parts of this size (S3 minimum 5 MiB). */
    public S3ObjectStore(S3ObjectStoreConfig config, long partSizeBytes) {
        this(config, partSizeBytes, DEFAULT_LIST_PAGE_KEYS);
    }

    /** {@code listPageKeys}: keys per listing request (tests use small pages to exercise paging). */
    S3ObjectStore(S3ObjectStoreConfig config, long partSizeBytes, int listPageKeys) {
        if (listPageKeys < 1 || listPageKeys > DEFAULT_LIST_PAGE_KEYS) {
            throw new IllegalArgumentException("listPageKeys must be in [1, 1000]: " + listPageKeys);
        }
        this.listPageKeys = listPageKeys;
        this.config = Objects.requireNonNull(config, "config");
        if (partSizeBytes < ObjectWriteArgs.MIN_MULTIPART_SIZE) {
            throw new IllegalArgumentException("partSizeBytes must be at least 5 MiB: " + partSizeBytes);
        }
        this.partSizeBytes = partSizeBytes;
        long timeoutMs = config.callTimeout().toMillis();
        this.httpClient = new OkHttpClient.Builder()
                .connectTimeout(timeoutMs, TimeUnit.MILLISECONDS)
                .readTimeout(timeoutMs, TimeUnit.MILLISECONDS)
                .writeTimeout(timeoutMs, TimeUnit.MILLISECONDS)
                .build();
        MinioClient.Builder builder = MinioClient.builder()
                .endpoint(config.endpoint())
                .region(config.region())
                .httpClient(httpClient);
        if (config.accessKey() != null) {
            builder.credentials(config.accessKey(), config.secretKey());
        }
        this.client = builder.build();
        this.retry = new S3RetryPolicy(config.maxRetries());
        try {
            createBucketIfMissing();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public S3ObjectStoreConfig config() {
        return config;
    }

    private void createBucketIfMissing() {
        String bucket = config.bucket();
        retry.run("create bucket " + bucket + " at " + config.endpoint(), () -> {
            if (client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                return null;
            }
            try {
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket).region(config.region()).build());
            } catch (ErrorResponseException e) {
                // Another node created it first, or our earlier attempt did and its answer was lost.
                if (!"BucketAlreadyOwnedByYou".equals(e.errorResponse().code())) {
                    throw e;
                }
            }
            return null;
        });
    }

    @Override
    public void put(String key, byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        String objectName = objectName(key);
        retry.run("put " + key + " (" + bytes.length + " bytes)", () -> {
            // A fresh stream per attempt: a failed attempt may have consumed part of the previous one.
            InputStream body = new ByteArrayInputStream(bytes);
            client.putObject(PutObjectArgs.builder().bucket(config.bucket()).object(objectName)
                    .stream(body, bytes.length, partSizeBytes).build());
            return null;
        });
    }

    @Override
    public byte[] get(String key) {
        String objectName = objectName(key);
        return retry.run("get " + key, () -> {
            try (GetObjectResponse response = client.getObject(
                    GetObjectArgs.builder().bucket(config.bucket()).object(objectName).build())) {
                return response.readAllBytes();
            } catch (ErrorResponseException e) {
                throw notFoundOr(key, e);
            }
        });
    }

    @Override
    public byte[] getRange(String key, long offset, int length) {
        if (offset < 0 || length < 0) {
            throw StrataException.of(ErrorCode.ER_STORAGE_FAILURE, "bad range %d+%d of %s", offset, length, key);
        }
        String objectName = objectName(key);
        if (length == 0) {
            // S3 has no empty byte range; check the bounds the way a ranged read would.
            checkWithinSize(key, offset, 0, size(key));
            return new byte[0];
        }
        byte[] bytes = retry.run("get range " + offset + "+" + length + " of " + key, () -> {
            try (GetObjectResponse response = client.getObject(GetObjectArgs.builder().bucket(config.bucket())
                    .object(objectName).offset(offset).length((long) length).build())) {
                return response.readNBytes(length);
            } catch (ErrorResponseException e) {
                if ("InvalidRange".equals(e.errorResponse().code())) {
                    return new byte[0]; // offset at or past the end; reported below with the size
                }
                throw notFoundOr(key, e);
            }
        });
        if (bytes.length != length) {
            // S3 truncates a range that runs past the end; the contract says that is an error.
            checkWithinSize(key, offset, length, size(key));
            throw StrataException.of(ErrorCode.ER_STORAGE_FAILURE, "short read of %s: %d of %d bytes at %d",
                    key, bytes.length, length, offset);
        }
        return bytes;
    }

    private static void checkWithinSize(String key, long offset, int length, long size) {
        if (offset + length > size) {
            throw StrataException.of(ErrorCode.ER_STORAGE_FAILURE, "range %d+%d beyond the end (%d) of %s",
                    offset, length, size, key);
        }
    }

    @Override
    public long size(String key) {
        String objectName = objectName(key);
        return retry.run("size of " + key, () -> {
            try {
                return client.statObject(StatObjectArgs.builder().bucket(config.bucket()).object(objectName).build())
                        .size();
            } catch (ErrorResponseException e) {
                throw notFoundOr(key, e);
            }
        });
    }

    @Override
    public boolean exists(String key) {
        String objectName = objectName(key);
        return retry.run("exists " + key, () -> {
            try {
                client.statObject(StatObjectArgs.builder().bucket(config.bucket()).object(objectName).build());
                return true;
            } catch (ErrorResponseException e) {
                if (S3RetryPolicy.isNotFound(e)) {
                    return false;
                }
                throw e;
            }
        });
    }

    @Override
    public List<String> list(String prefix) {
        ObjectKeys.validatePrefix(prefix);
        String fullPrefix = config.prefix() + prefix;
        // A failed page restarts the whole listing: pages are not resumable across SDK iterators.
        return retry.run("list " + prefix, () -> {
            List<String> keys = new ArrayList<>();
            Iterable<Result<Item>> results = client.listObjects(ListObjectsArgs.builder().bucket(config.bucket())
                    .prefix(fullPrefix).recursive(true).maxKeys(listPageKeys).build());
            for (Result<Item> result : results) {
                Item item = result.get();
                if (!item.isDir()) {
                    keys.add(item.objectName().substring(config.prefix().length()));
                }
            }
            Collections.sort(keys);
            return keys;
        });
    }

    @Override
    public void delete(String key) {
        String objectName = objectName(key);
        // S3 answers 204 for a missing key too, so deleting one is not an error here either.
        retry.run("delete " + key, () -> {
            client.removeObject(RemoveObjectArgs.builder().bucket(config.bucket()).object(objectName).build());
            return null;
        });
    }

    @Override
    public void close() {
        // The SDK holds nothing itself; the OkHttp pools hold threads and sockets.
        httpClient.dispatcher().executorService().shutdown();
        httpClient.connectionPool().evictAll();
    }

    private String objectName(String key) {
        return config.prefix() + ObjectKeys.validate(key);
    }

    private static Exception notFoundOr(String key, ErrorResponseException e) {
        if (S3RetryPolicy.isNotFound(e)) {
            return new StrataException(ErrorCode.ER_STORAGE_FAILURE, "object not found: " + key, e);
        }
        return e;
    }
}
