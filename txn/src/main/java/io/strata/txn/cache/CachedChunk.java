package io.strata.txn.cache;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.ReferenceManager;
import org.apache.arrow.vector.FieldVector;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import java.util.concurrent.atomic.AtomicInteger;

/** One decoded column chunk shared by the cache and its readers; the last release frees the vector. */
final class CachedChunk {
    private final FieldVector vector;
    private final int weightBytes;
    private final AtomicInteger references = new AtomicInteger(1);

    CachedChunk(FieldVector vector) {
        this.vector = vector;
        this.weightBytes = (int) Math.min(Integer.MAX_VALUE, Math.max(64, accountedBytes(vector)));
    }

    /** The memory the vector's buffers hold from their allocator (slices of one allocation count once). */
    private static long accountedBytes(FieldVector vector) {
        Set<ReferenceManager> allocations = Collections.newSetFromMap(new IdentityHashMap<>());
        long bytes = 0;
        for (ArrowBuf buffer : vector.getBuffers(false)) {
            if (allocations.add(buffer.getReferenceManager())) {
                bytes += buffer.getReferenceManager().getAccountedSize();
            }
        }
        return bytes;
    }

    FieldVector vector() {
        return vector;
    }

    int weightBytes() {
        return weightBytes;
    }

    /** Adds a reference unless the chunk is already freed. */
    boolean tryRetain() {
        while (true) {
            int current = references.get();
            if (current == 0) {
                return false;
            }
            if (references.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    void release() {
        int after = references.decrementAndGet();
        assert after >= 0 : "cached chunk released too often";
        if (after == 0) {
            vector.close();
        }
    }
}
