package io.strata.storage;

import io.strata.common.config.StrataConfig;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how {@link S3ObjectStore} reaches S3. {@code prefix} is prepended to every key (empty, or
 * ending in '/'); {@code callTimeout} bounds connecting, each read and each write of one HTTP call;
 * {@code maxRetries} bounds the retries of a failed call (0: one attempt only).
 */
public record S3ObjectStoreConfig(String endpoint, String bucket, String region, String accessKey, String secretKey,
                                  String prefix, Duration callTimeout, int maxRetries) {
    /** Retries beyond this would keep a caller waiting for minutes with the backoff cap. */
    static final int MAX_RETRIES_LIMIT = 20;

    public S3ObjectStoreConfig {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(callTimeout, "callTimeout");
        if (endpoint.isBlank() || bucket.isBlank()) {
            throw new IllegalArgumentException("storage.s3.endpoint and storage.s3.bucket must be set");
        }
        if ((accessKey == null) != (secretKey == null)) {
            throw new IllegalArgumentException("set both storage.s3.access-key and storage.s3.secret-key, or neither");
        }
        if (callTimeout.isNegative() || callTimeout.isZero()) {
            throw new IllegalArgumentException("callTimeout must be positive: " + callTimeout);
        }
        if (maxRetries < 0 || maxRetries > MAX_RETRIES_LIMIT) {
            throw new IllegalArgumentException("maxRetries must be in [0, " + MAX_RETRIES_LIMIT + "]: " + maxRetries);
        }
        if (!prefix.isEmpty()) {
            prefix = prefix.endsWith("/") ? prefix : prefix + "/";
            ObjectKeys.validatePrefix(prefix);
        }
    }

    /** Reads the {@code storage.s3.*} keys; endpoint and bucket are required, credentials optional (anonymous). */
    public static S3ObjectStoreConfig from(StrataConfig config) {
        Objects.requireNonNull(config, "config");
        String accessKey = emptyToNull(config.get("storage.s3.access-key", ""));
        String secretKey = emptyToNull(config.get("storage.s3.secret-key", ""));
        return new S3ObjectStoreConfig(
                config.get("storage.s3.endpoint", ""),
                config.get("storage.s3.bucket", ""),
                config.get("storage.s3.region", "us-east-1"),
                accessKey,
                secretKey,
                config.get("storage.s3.prefix", ""),
                Duration.ofMillis(Long.parseLong(config.get("storage.s3.timeout-ms", "30000"))),
                Integer.parseInt(config.get("storage.s3.max-retries", "5")));
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    @Override
    public String toString() {
        // Never print the secret key into a log.
        return "S3ObjectStoreConfig[endpoint=" + endpoint + ", bucket=" + bucket + ", region=" + region
                + ", accessKey=" + accessKey + ", prefix=" + prefix + ", callTimeout=" + callTimeout
                + ", maxRetries=" + maxRetries + "]";
    }
}
