package io.strata.txn;

import io.strata.storage.ObjectStore;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** A real store that remembers the ranged reads made through it (for tests of what reads touch). */
final class RecordingObjectStore implements ObjectStore {
    record RangeRead(String key, long offset, int length) {}

    private final ObjectStore delegate;
    private final Queue<RangeRead> reads = new ConcurrentLinkedQueue<>();

    RecordingObjectStore(ObjectStore delegate) {
        this.delegate = delegate;
    }

    /** Keys whose column chunks were read (ranges ending before the footer), since the last {@link #clear}. */
    List<String> keysWithChunkReads() {
        return reads.stream().filter(read -> read.offset() + read.length() < delegate.size(read.key()) - 12)
                .map(RangeRead::key).distinct().sorted().toList();
    }

    void clear() {
        reads.clear();
    }

    @Override
    public void put(String key, byte[] bytes) {
        delegate.put(key, bytes);
    }

    @Override
    public byte[] get(String key) {
        return delegate.get(key);
    }

    @Override
    public byte[] getRange(String key, long offset, int length) {
        reads.add(new RangeRead(key, offset, length));
        return delegate.getRange(key, offset, length);
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
        delegate.delete(key);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
