package io.strata.storage;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** An object store that counts the ranged GETs reaching it (thread-safe, for cache tests). */
final class CountingObjectStore implements ObjectStore {
    final AtomicInteger rangeGets = new AtomicInteger();
    private final ObjectStore delegate;

    CountingObjectStore(ObjectStore delegate) {
        this.delegate = delegate;
    }

    @Override public void put(String key, byte[] bytes) { delegate.put(key, bytes); }

    @Override public byte[] get(String key) { return delegate.get(key); }

    @Override public byte[] getRange(String key, long offset, int length) {
        rangeGets.incrementAndGet();
        return delegate.getRange(key, offset, length);
    }

    @Override public long size(String key) { return delegate.size(key); }

    @Override public boolean exists(String key) { return delegate.exists(key); }

    @Override public List<String> list(String prefix) { return delegate.list(prefix); }

    @Override public void delete(String key) { delegate.delete(key); }

    @Override public void close() { delegate.close(); }
}
