package io.strata.storage;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;

import java.util.concurrent.atomic.LongAdder;

/**
 * An {@link ObjectStore} that keeps recently read ranges in memory, bounded by the sum of their lengths
 * ({@code capacityBytes}; Caffeine's W-TinyLFU decides what goes, so a one-off scan does not flush the
 * ranges point lookups keep reading). A range larger than a quarter of the budget is not kept. Objects
 * are immutable once written, so a cached range never goes stale; a put or delete of a key drops its
 * ranges anyway, for keys that are rewritten (checkpoints). Thread-safe.
 */
public final class CachingObjectStore extends ForwardingObjectStore {
    private record RangeKey(String key, long offset, int length) {}

    private final long capacityBytes;
    private final Cache<RangeKey, byte[]> ranges;
    private final KeysByObject<RangeKey> rangesByObject = new KeysByObject<>();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    public CachingObjectStore(ObjectStore delegate, long capacityBytes) {
        super(delegate);
        if (capacityBytes < 0) {
            throw new IllegalArgumentException("capacityBytes must not be negative: " + capacityBytes);
        }
        this.capacityBytes = capacityBytes;
        this.ranges = Caffeine.newBuilder()
                .maximumWeight(capacityBytes)
                .weigher((RangeKey key, byte[] bytes) -> bytes.length)
                .executor(Runnable::run) // evict on the caller's thread: the bound holds when a call returns
                .removalListener((RangeKey key, byte[] bytes, RemovalCause cause) -> {
                    if (key != null && cause != RemovalCause.REPLACED) { // a replaced entry is still there
                        rangesByObject.removed(key.key(), key);
                    }
                })
                .build();
    }

    @Override
    public void put(String key, byte[] bytes) {
        delegate.put(key, bytes);
        forget(key);
    }

    /** The cached copy is shared: callers must not modify the returned array. */
    @Override
    public byte[] getRange(String key, long offset, int length) {
        RangeKey rangeKey = new RangeKey(key, offset, length);
        byte[] cached = ranges.getIfPresent(rangeKey);
        if (cached != null) {
            hits.increment();
            return cached;
        }
        misses.increment();
        byte[] bytes = delegate.getRange(key, offset, length);
        if (length <= capacityBytes / 4) { // one huge range must not flush the whole cache
            rangesByObject.added(key, rangeKey);
            ranges.put(rangeKey, bytes);
        }
        return bytes;
    }

    @Override
    public void delete(String key) {
        delegate.delete(key);
        forget(key);
    }

    @Override
    public void close() {
        ranges.invalidateAll();
        delegate.close();
    }

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }

    /** The sum of the cached ranges' lengths, at most the capacity. */
    public long cachedBytes() {
        ranges.cleanUp();
        return ranges.policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }

    /** Objects with cached ranges, as the per-object index knows them (for tests). */
    int indexedObjects() {
        ranges.cleanUp();
        return rangesByObject.objects();
    }

    private void forget(String key) {
        ranges.invalidateAll(rangesByObject.takeAll(key));
    }
}
