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

    private static final byte UNKNOWN = 0;
    private static final byte ASCENDING = 1;
    private static final byte UNORDERED = 2;
    private volatile byte order = UNKNOWN;

    /**
     * Whether the vector is a signed integer vector without NULLs whose values never decrease (checked
     * once, on first ask): range reads may then binary-search it.
     */
    boolean ascending() {
        byte known = order;
        if (known == UNKNOWN) {
            known = isAscending(vector) ? ASCENDING : UNORDERED;
            order = known;
        }
        return known == ASCENDING;
    }

    private static boolean isAscending(FieldVector vector) {
        if (!(vector instanceof org.apache.arrow.vector.IntVector || vector instanceof org.apache.arrow.vector.BigIntVector)
                || vector.getNullCount() > 0) {
            return false;
        }
        org.apache.arrow.vector.BaseIntVector ints = (org.apache.arrow.vector.BaseIntVector) vector;
        for (int i = 1; i < vector.getValueCount(); i++) {
            if (ints.getValueAsLong(i - 1) > ints.getValueAsLong(i)) {
                return false;
            }
        }
        return true;
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
