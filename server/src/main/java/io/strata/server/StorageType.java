package io.strata.server;

import io.strata.common.config.StrataConfig;
import io.strata.storage.DiskCacheObjectStore;
import io.strata.storage.LocalDirObjectStore;
import io.strata.storage.ObjectStore;
import io.strata.storage.S3ObjectStore;
import io.strata.storage.S3ObjectStoreConfig;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Which object store {@code storage.type} selects: {@code local} (the default) keeps objects in
 * {@code data.dir/objects}; {@code s3} keeps them in the bucket the {@code storage.s3.*} keys name
 * (see {@link S3ObjectStoreConfig#from}), which the store creates if it is missing. The log stays in
 * {@code data.dir/log} either way.
 */
enum StorageType {
    LOCAL("local"),
    S3("s3");

    static final String KEY = "storage.type";

    private final String configName;

    StorageType(String configName) {
        this.configName = configName;
    }

    /** The type {@code config} names; an unknown name fails with the allowed ones. */
    static StorageType of(StrataConfig config) {
        String value = config.get(KEY, LOCAL.configName).trim().toLowerCase(Locale.ROOT);
        for (StorageType type : values()) {
            if (type.configName.equals(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException(KEY + "=" + config.get(KEY, "") + " is not supported; use one of: "
                + Arrays.stream(values()).map(type -> type.configName).collect(Collectors.joining(", ")));
    }

    /** Opens the store; the caller closes it. */
    ObjectStore open(StrataConfig config, Path dataDirectory) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        return switch (this) {
            case LOCAL -> new LocalDirObjectStore(objectsDirectory(dataDirectory));
            case S3 -> withDiskCache(new S3ObjectStore(S3ObjectStoreConfig.from(config)), config, dataDirectory);
        };
    }

    /**
     * Remote objects are read through a bounded local disk cache of ranges ({@code data.dir/cache},
     * {@code storage.cache.disk-bytes}, 0 turns it off): objects never change, and deleting the cache
     * loses nothing.
     */
    private static ObjectStore withDiskCache(ObjectStore remote, StrataConfig config, Path dataDirectory) {
        long bytes = Long.parseLong(config.get(DISK_CACHE_BYTES_KEY, DEFAULT_DISK_CACHE_BYTES));
        return bytes <= 0 ? remote : new DiskCacheObjectStore(remote, dataDirectory.resolve("cache"), bytes);
    }

    static final String DISK_CACHE_BYTES_KEY = "storage.cache.disk-bytes";
    private static final String DEFAULT_DISK_CACHE_BYTES = String.valueOf(4L << 30);

    /** Where the store is, for the start-up log line (never the secret key). */
    String describe(StrataConfig config, Path dataDirectory) {
        return switch (this) {
            case LOCAL -> "local directory " + objectsDirectory(dataDirectory);
            case S3 -> "S3 " + S3ObjectStoreConfig.from(config);
        };
    }

    private static Path objectsDirectory(Path dataDirectory) {
        return dataDirectory.resolve("objects");
    }
}
