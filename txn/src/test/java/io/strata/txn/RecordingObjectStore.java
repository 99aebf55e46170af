package io.strata.txn;

import io.strata.storage.ForwardingObjectStore;
import io.strata.storage.ObjectStore;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** A real store that remembers the ranged reads made through it (for tests of what reads touch). */
final class RecordingObjectStore extends ForwardingObjectStore {
    record RangeRead(String key, long offset, int length) {}

    private final Queue<RangeRead> reads = new ConcurrentLinkedQueue<>();

    RecordingObjectStore(ObjectStore delegate) {
        super(delegate);
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
    public byte[] getRange(String key, long offset, int length) {
        reads.add(new RangeRead(key, offset, length));
        return delegate.getRange(key, offset, length);
    }

}
