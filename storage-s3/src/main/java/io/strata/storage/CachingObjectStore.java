package io.strata.storage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An {@link ObjectStore} that keeps recently read ranges in memory, up to {@code capacityBytes} (least
 * recently used ranges go first). Objects are immutable once written, so a cached range never goes
 * stale; a put or delete of a key drops its ranges anyway, for keys that are rewritten (checkpoints).
 * Thread-safe.
 */
public final class CachingObjectStore implements ObjectStore {
    private record RangeKey(String key, long offset, int length) {}

    private final ObjectStore delegate;
    private final long capacityBytes;
    private final LinkedHashMap<RangeKey, byte[]> ranges = new LinkedHashMap<>(256, 0.75f, true); // guarded by this
    private long cachedBytes;   // guarded by this
    private long hits;         // guarded by this
    private long misses;       // guarded by this

    public CachingObjectStore(ObjectStore delegate, long capacityBytes) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        if (capacityBytes < 0) {
            throw new IllegalArgumentException("capacityBytes must not be negative: " + capacityBytes);
        }
        this.capacityBytes = capacityBytes;
    }

    @Override
    public void put(String key, byte[] bytes) {
        forget(key);
        delegate.put(key, bytes);
    }

    @Override
    public byte[] get(String key) {
        return delegate.get(key);
    }

    /** The cached copy is shared: callers must not modify the returned array. */
    @Override
    public byte[] getRange(String key, long offset, int length) {
        RangeKey rangeKey = new RangeKey(key, offset, length);
        synchronized (this) {
            byte[] cached = ranges.get(rangeKey);
            if (cached != null) {
                hits++;
                return cached;
            }
            misses++;
        }
        byte[] bytes = delegate.getRange(key, offset, length);
        if (length <= capacityBytes / 4) { // one huge range must not flush the whole cache
            synchronized (this) {
                if (ranges.put(rangeKey, bytes) == null) {
                    cachedBytes += length;
                }
                evict();
            }
        }
        return bytes;
    }

    @Override
    public long size(String key) {
        return delegate.size(key);
    }

    @Override
    public boolean exists(String key) {
        return delegate.exists(key);
    }

    @Override
    public List<String> list(String prefix) {
        return delegate.list(prefix);
    }

    @Override
    public void delete(String key) {
        forget(key);
        delegate.delete(key);
    }

    @Override
    public void close() {
        synchronized (this) {
            ranges.clear();
            cachedBytes = 0;
        }
        delegate.close();
    }

    public synchronized long hits() {
        return hits;
    }

    public synchronized long misses() {
        return misses;
    }

    public synchronized long cachedBytes() {
        return cachedBytes;
    }

    private synchronized void forget(String key) {
        var iterator = ranges.entrySet().iterator();
        while (iterator.hasNext()) {
            Map.Entry<RangeKey, byte[]> entry = iterator.next();
            if (entry.getKey().key().equals(key)) {
                cachedBytes -= entry.getKey().length();
                iterator.remove();
            }
        }
    }

    private void evict() {
        var iterator = ranges.entrySet().iterator();
        while (cachedBytes > capacityBytes && iterator.hasNext()) {
            cachedBytes -= iterator.next().getKey().length();
            iterator.remove();
        }
    }
}
