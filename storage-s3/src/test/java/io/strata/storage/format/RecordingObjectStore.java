package io.strata.storage.format;

import io.strata.storage.ForwardingObjectStore;
import io.strata.storage.ObjectStore;

import java.util.ArrayList;
import java.util.List;

/** An object store that remembers the ranges read through it (to check what a reader fetches). */
final class RecordingObjectStore extends ForwardingObjectStore {
    final List<List<Long>> ranges = new ArrayList<>();
    int wholeGets;

    RecordingObjectStore(ObjectStore delegate) {
        super(delegate);
    }

    @Override public byte[] get(String key) {
        wholeGets++;
        return delegate.get(key);
    }

    @Override public byte[] getRange(String key, long offset, int length) {
        ranges.add(List.of(offset, (long) length));
        return delegate.getRange(key, offset, length);
    }

}
