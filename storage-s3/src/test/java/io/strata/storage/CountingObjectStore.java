package io.strata.storage;

import java.util.concurrent.atomic.AtomicInteger;

/** An object store that counts the ranged GETs reaching it (thread-safe, for cache tests). */
final class CountingObjectStore extends ForwardingObjectStore {
    final AtomicInteger rangeGets = new AtomicInteger();

    CountingObjectStore(ObjectStore delegate) {
        super(delegate);
    }

    @Override public byte[] getRange(String key, long offset, int length) {
        rangeGets.incrementAndGet();
        return delegate.getRange(key, offset, length);
    }
}
