package io.strata.storage;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * An {@link ObjectStore} that keeps the ranges it reads as files in a local directory, up to
 * {@code capacityBytes} of files (the least recently used go first; after a restart, ranked by when they
 * were written). Caching by (key, offset, length) is safe because objects are immutable; a put or delete
 * of a key drops its files anyway. Each file carries its range and a CRC32C ({@link CachedRangeFile}): a
 * corrupt or truncated file is deleted and read again from the delegate, never returned. The directory
 * is scanned at construction, so the cache survives restarts; deleting it while stopped loses nothing.
 * A file cannot be written (disk full)? The read still succeeds from the delegate and a warning is logged.
 * Ranges larger than a quarter of the budget are not kept. Thread-safe.
 *
 * <p>Layout: {@code dir/<2 hex>/<32 hex digest of the key>-<offset>-<length>.range}; temporary files
 * end in {@code .tmp} and are deleted at the next start.
 */
public final class DiskCacheObjectStore extends ForwardingObjectStore {
    private static final Logger LOG = LoggerFactory.getLogger(DiskCacheObjectStore.class);

    private final Path directory;
    private final long capacityBytes;
    private final LinkedHashMap<RangeFile, Long> files = new LinkedHashMap<>(256, 0.75f, true); // guarded by this
    private long cachedBytes;                                                              // guarded by this
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    public DiskCacheObjectStore(ObjectStore delegate, Path directory, long capacityBytes) {
        super(delegate);
        this.directory = Objects.requireNonNull(directory, "directory");
        if (capacityBytes < 0) {
            throw new IllegalArgumentException("capacityBytes must not be negative: " + capacityBytes);
        }
        this.capacityBytes = capacityBytes;
        try {
            Files.createDirectories(directory);
            List<DiskCacheScan.Found> found = DiskCacheScan.scan(directory);
            synchronized (this) {
                for (DiskCacheScan.Found file : found) { // oldest first: the head of the LRU order
                    files.put(file.range(), file.sizeBytes());
                    cachedBytes += file.sizeBytes();
                }
                evict();
            }
        } catch (IOException e) {
            throw new StrataException(ErrorCode.ER_STORAGE_FAILURE, "cannot open the disk cache " + directory, e);
        }
    }

    @Override
    public void put(String key, byte[] bytes) {
        delegate.put(key, bytes);
        forget(key);
    }

    @Override
    public byte[] getRange(String key, long offset, int length) {
        if (offset < 0 || length <= 0 || length > capacityBytes / 4) {
            misses.increment();
            return delegate.getRange(key, offset, length); // not cacheable (or invalid: the delegate says so)
        }
        RangeFile range = new RangeFile(digest(key), offset, length);
        Optional<byte[]> cached = readCached(range, key);
        if (cached.isPresent()) {
            hits.increment();
            return cached.get();
        }
        misses.increment();
        byte[] bytes = delegate.getRange(key, offset, length);
        writeCached(range, key, bytes);
        return bytes;
    }

    @Override
    public void delete(String key) {
        delegate.delete(key);
        forget(key);
    }

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }

    /** The bytes of the cache's files (headers included), at most the capacity. */
    public synchronized long cachedBytes() {
        return cachedBytes;
    }

    private Optional<byte[]> readCached(RangeFile range, String key) {
        synchronized (this) {
            if (files.get(range) == null) { // get also marks it recently used
                return Optional.empty();
            }
        }
        Path path = range.path(directory);
        try {
            Optional<byte[]> data = CachedRangeFile.decode(Files.readAllBytes(path), key, range.offset(), range.length());
            if (data.isEmpty()) {
                LOG.warn("disk cache file {} is corrupt or truncated; deleting it and reading {} again", path, key);
                drop(range);
            }
            return data;
        } catch (NoSuchFileException e) {
            drop(range); // evicted by another thread meanwhile, or deleted by hand
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("cannot read disk cache file {}; deleting it and reading {} again", path, key, e);
            drop(range);
            return Optional.empty();
        }
    }

    private void writeCached(RangeFile range, String key, byte[] bytes) {
        Path path = range.path(directory);
        Path temporary = null;
        try {
            Files.createDirectories(path.getParent());
            temporary = Files.createTempFile(path.getParent(), "range-", ".tmp");
            Files.write(temporary, CachedRangeFile.encode(key, range.offset(), bytes));
            long sizeBytes = Files.size(temporary);
            // Atomic: a concurrent reader sees the old file, the new one or none, never half of one.
            Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temporary = null;
            synchronized (this) {
                Long previous = files.put(range, sizeBytes);
                cachedBytes += sizeBytes - (previous == null ? 0 : previous);
                evict();
            }
        } catch (IOException e) {
            LOG.warn("cannot write disk cache file {} (the read itself succeeded)", path, e);
            deleteQuietly(temporary);
        }
    }

    private void forget(String key) {
        String digest = digest(key);
        synchronized (this) {
            Iterator<Map.Entry<RangeFile, Long>> iterator = files.entrySet().iterator();
            while (iterator.hasNext()) {
                Map.Entry<RangeFile, Long> entry = iterator.next();
                if (entry.getKey().digest().equals(digest)) {
                    iterator.remove();
                    cachedBytes -= entry.getValue();
                    deleteQuietly(entry.getKey().path(directory));
                }
            }
        }
    }

    private synchronized void drop(RangeFile range) {
        Long sizeBytes = files.remove(range);
        if (sizeBytes != null) {
            cachedBytes -= sizeBytes;
        }
        deleteQuietly(range.path(directory));
    }

    private void evict() {
        assert Thread.holdsLock(this);
        Iterator<Map.Entry<RangeFile, Long>> iterator = files.entrySet().iterator();
        while (cachedBytes > capacityBytes && iterator.hasNext()) {
            Map.Entry<RangeFile, Long> eldest = iterator.next();
            iterator.remove();
            cachedBytes -= eldest.getValue();
            deleteQuietly(eldest.getKey().path(directory));
        }
    }

    /** Deletes a cache file; failing to is logged, not thrown: the file is no longer indexed, so never read. */
    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.warn("cannot delete disk cache file {}", path, e);
        }
    }

    /** 128 bits of SHA-256 of the key: a file name whatever the key's characters. */
    static String digest(String key) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** One cached range, named by the digest of its object key. */
    record RangeFile(String digest, long offset, int length) {
        static final String SUFFIX = ".range";

        Path path(Path directory) {
            return directory.resolve(digest.substring(0, 2)).resolve(digest + "-" + offset + "-" + length + SUFFIX);
        }
    }
}
