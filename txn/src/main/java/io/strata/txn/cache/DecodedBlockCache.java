package io.strata.txn.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.strata.storage.format.DataObjectReader;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * Decoded column chunks of data object blocks, kept as Arrow vectors in memory so that point lookups
 * and repeated scans neither fetch nor decode a block again. Bounded in bytes (Caffeine's W-TinyLFU
 * keeps one-off scans from flushing the hot set). A chunk is reference counted: the cache holds one
 * reference, every {@link PinnedColumns} one more, and the last release frees the vectors, so an
 * eviction never pulls memory from under a reader. Objects are immutable, so a key never goes stale.
 */
public final class DecodedBlockCache implements AutoCloseable {
    private record ChunkKey(String objectKey, int block, int column) {}

    private final BufferAllocator allocator;
    private final Cache<ChunkKey, CachedChunk> chunks;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    /** @param allocator the parent of the cache's own allocator (closed with the cache) */
    public DecodedBlockCache(long capacityBytes, BufferAllocator allocator) {
        if (capacityBytes < 0) {
            throw new IllegalArgumentException("negative cache capacity: " + capacityBytes);
        }
        this.allocator = allocator.newChildAllocator("decoded-block-cache", 0, Long.MAX_VALUE);
        this.chunks = Caffeine.newBuilder()
                .maximumWeight(capacityBytes)
                .weigher((ChunkKey key, CachedChunk chunk) -> chunk.weightBytes())
                .executor(Runnable::run) // evict on the caller's thread: memory is freed before it returns
                .removalListener((ChunkKey key, CachedChunk chunk, com.github.benmanes.caffeine.cache.RemovalCause cause) -> {
                    if (chunk != null) {
                        chunk.release();
                    }
                })
                .build();
    }

    /**
     * The decoded vectors of {@code columns} (object column indexes) of one block, in that order; the
     * caller closes the result. Columns not cached are decoded with one read of the block.
     */
    public PinnedColumns pin(DataObjectReader reader, int block, int[] columns) {
        Objects.requireNonNull(reader, "reader");
        CachedChunk[] pinned = new CachedChunk[columns.length];
        try {
            List<Integer> missing = new ArrayList<>();
            for (int i = 0; i < columns.length; i++) {
                pinned[i] = tryPin(new ChunkKey(reader.key(), block, columns[i]));
                if (pinned[i] == null) {
                    missing.add(i);
                }
            }
            if (!missing.isEmpty()) {
                load(reader, block, columns, missing, pinned);
            }
            return new PinnedColumns(pinned);
        } catch (RuntimeException | Error e) {
            for (CachedChunk chunk : pinned) {
                if (chunk != null) {
                    chunk.release();
                }
            }
            throw e;
        }
    }

    private CachedChunk tryPin(ChunkKey key) {
        CachedChunk chunk = chunks.getIfPresent(key);
        if (chunk != null && chunk.tryRetain()) {
            hits.increment();
            return chunk;
        }
        misses.increment();
        return null; // absent, or evicted and freed between the lookup and the retain
    }

    private void load(DataObjectReader reader, int block, int[] columns, List<Integer> missing, CachedChunk[] pinned) {
        int[] wanted = missing.stream().mapToInt(i -> columns[i]).toArray();
        VectorSchemaRoot decoded = reader.readBlock(block, wanted, allocator);
        List<FieldVector> vectors = decoded.getFieldVectors();
        for (int m = 0; m < missing.size(); m++) {
            CachedChunk chunk = new CachedChunk(vectors.get(m)); // holds the reader's reference
            chunk.tryRetain();                                   // and the cache's
            pinned[missing.get(m)] = chunk;
            // A concurrent reader may have loaded it too: the replaced copy gets the removal listener's release.
            chunks.put(new ChunkKey(reader.key(), block, wanted[m]), chunk);
        }
    }

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }

    /** Bytes of decoded vectors currently held (by the cache or by readers still pinning evicted chunks). */
    public long allocatedBytes() {
        return allocator.getAllocatedMemory();
    }

    /** Drops every chunk; call after the readers are done (their pins would keep memory alive). */
    @Override
    public void close() {
        chunks.invalidateAll();
        chunks.cleanUp();
        allocator.close();
    }
}
