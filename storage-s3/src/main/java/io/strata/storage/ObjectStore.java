package io.strata.storage;

import java.util.List;

/**
 * Immutable objects addressed by key, as S3 keeps them. A key is a relative path of
 * {@code [a-zA-Z0-9._/-]} segments. Objects are written whole and atomically: a reader sees the whole
 * object or none. Implementations: {@code LocalDirObjectStore} (a directory), {@code S3ObjectStore}
 * (MinIO SDK, any S3); wrappers that cache ranges read: {@code CachingObjectStore} (memory) and
 * {@code DiskCacheObjectStore} (a local directory). Failures are {@link io.strata.common.error.StrataException}s with
 * {@code ER_STORAGE_FAILURE}.
 */
public interface ObjectStore extends AutoCloseable {
    /** Writes {@code bytes} under {@code key}, replacing any object there, atomically. */
    void put(String key, byte[] bytes);

    /** The whole object; throws ER_STORAGE_FAILURE if it does not exist. */
    byte[] get(String key);

    /** {@code length} bytes from {@code offset} (a ranged GET). */
    byte[] getRange(String key, long offset, int length);

    /** The object's size in bytes; throws if it does not exist. */
    long size(String key);

    boolean exists(String key);

    /** Keys starting with {@code prefix}, in lexicographic order. */
    List<String> list(String prefix);

    /** Deletes the object; deleting a missing key is not an error. */
    void delete(String key);

    @Override
    void close();
}
