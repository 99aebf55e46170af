package io.strata.storage.format;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.strata.storage.KeysByObject;
import io.strata.storage.ObjectStore;

import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Decompressed column chunks (Arrow IPC bytes on the heap), so that reading a block again skips both
 * the fetch and the decompression; decoding IPC into vectors is a copy. Heap bytes, not Arrow vectors,
 * because they need no reference counting: an evicted array is simply garbage. Bounded by the sum of
 * the cached arrays' lengths (Caffeine's W-TinyLFU keeps one-off scans from flushing the hot set); a
 * chunk larger than a quarter of the budget is not cached. Entries are keyed by store instance, object
 * key and range, so one cache may serve several stores; data objects are immutable, so an entry never
 * goes stale. Thread-safe; callers must not modify the arrays returned.
 */
public final class ChunkCache {
    private record ChunkKey(ObjectStore store, String objectKey, long offset, int length) {}

    private final long capacityBytes;
    private final Cache<ChunkKey, byte[]> chunks;
    private final KeysByObject<ChunkKey> chunksByObject = new KeysByObject<>();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    public ChunkCache(long capacityBytes) {
        if (capacityBytes < 0) {
            throw new IllegalArgumentException("capacityBytes must not be negative: " + capacityBytes);
        }
        this.capacityBytes = capacityBytes;
        this.chunks = Caffeine.newBuilder()
                .maximumWeight(capacityBytes)
                .weigher((ChunkKey key, byte[] bytes) -> bytes.length)
                .executor(Runnable::run) // evict on the caller's thread: the bound holds when a call returns
                .removalListener((ChunkKey key, byte[] bytes, RemovalCause cause) -> {
                    if (key != null && cause != RemovalCause.REPLACED) { // a replaced entry is still there
                        chunksByObject.removed(key.objectKey(), key);
                    }
                })
                .build();
    }

    /** The decoded bytes of {@code chunk} of {@code objectKey} in {@code store}, from {@code load} on a miss. */
    byte[] get(ObjectStore store, String objectKey, ColumnChunk chunk, Supplier<byte[]> load) {
        ChunkKey key = new ChunkKey(store, objectKey, chunk.offset(), chunk.length());
        byte[] cached = chunks.getIfPresent(key);
        if (cached != null) {
            hits.increment();
            return cached;
        }
        misses.increment();
        byte[] bytes = Objects.requireNonNull(load.get(), "loaded chunk");
        if (bytes.length <= capacityBytes / 4) { // one huge chunk must not flush the whole cache
            chunksByObject.added(objectKey, key);
            chunks.put(key, bytes);
        }
        return bytes;
    }

    /** Drops the chunks of {@code objectKey} (in every store), e.g. once the object is deleted. */
    public void invalidateObject(String objectKey) {
        chunks.invalidateAll(chunksByObject.takeAll(objectKey));
    }

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }

    /** The sum of the cached chunks' lengths, at most the capacity. */
    public long cachedBytes() {
        chunks.cleanUp();
        return chunks.policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }

    public long capacityBytes() {
        return capacityBytes;
    }
}
