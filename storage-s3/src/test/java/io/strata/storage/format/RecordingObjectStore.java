package io.strata.storage.format;

import io.strata.storage.ObjectStore;

import java.util.ArrayList;
import java.util.List;

/** An object store that remembers the ranges read through it (to check what a reader fetches). */
final class RecordingObjectStore implements ObjectStore {
    final List<List<Long>> ranges = new ArrayList<>();
    int wholeGets;
    private final ObjectStore delegate;

    RecordingObjectStore(ObjectStore delegate) {
        this.delegate = delegate;
    }

    @Override public void put(String key, byte[] bytes) { delegate.put(key, bytes); }

    @Override public byte[] get(String key) {
        wholeGets++;
        return delegate.get(key);
    }

    @Override public byte[] getRange(String key, long offset, int length) {
        ranges.add(List.of(offset, (long) length));
        return delegate.getRange(key, offset, length);
    }

    @Override public long size(String key) { return delegate.size(key); }

    @Override public boolean exists(String key) { return delegate.exists(key); }

    @Override public List<String> list(String prefix) { return delegate.list(prefix); }

    @Override public void delete(String key) { delegate.delete(key); }

    @Override public void close() { delegate.close(); }
}
