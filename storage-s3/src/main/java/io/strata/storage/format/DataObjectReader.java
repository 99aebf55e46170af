package io.strata.storage.format;

import io.strata.storage.ObjectStore;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads a data object through ranged GETs: {@link #open} fetches the trailer and the footer only;
 * {@link #readBlock} then fetches just the chunks of the columns asked for and decompresses them, or
 * takes them decompressed from a {@link ChunkCache} when the reader has one. Immutable and thread-safe.
 */
public final class DataObjectReader {
    private final ObjectStore store;
    private final String key;
    private final ObjectFooter footer;
    private final ChunkCache chunkCache; // null: no cache

    private DataObjectReader(ObjectStore store, String key, ObjectFooter footer, ChunkCache chunkCache) {
        this.store = store;
        this.key = key;
        this.footer = footer;
        this.chunkCache = chunkCache;
    }

    /** A reader without a chunk cache. */
    public static DataObjectReader open(ObjectStore store, String key) {
        return openWith(store, key, null);
    }

    /** A reader that keeps decompressed chunks in {@code chunkCache} (shared by any number of readers). */
    public static DataObjectReader open(ObjectStore store, String key, ChunkCache chunkCache) {
        return openWith(store, key, Objects.requireNonNull(chunkCache, "chunkCache"));
    }

    private static DataObjectReader openWith(ObjectStore store, String key, ChunkCache chunkCache) {
        Objects.requireNonNull(store, "store");
        long size = store.size(key);
        if (size < FooterCodec.TRAILER_BYTES) {
            throw io.strata.common.error.StrataException.of(io.strata.common.error.ErrorCode.ER_STORAGE_FAILURE,
                    "%s is too short (%d bytes) to be a data object", key, size);
        }
        byte[] trailer = store.getRange(key, size - FooterCodec.TRAILER_BYTES, FooterCodec.TRAILER_BYTES);
        int footerLength = FooterCodec.footerLength(trailer, key);
        byte[] footerBytes = store.getRange(key, size - FooterCodec.TRAILER_BYTES - footerLength, footerLength);
        return new DataObjectReader(store, key, FooterCodec.decode(footerBytes), chunkCache);
    }

    public String key() {
        return key;
    }

    public ObjectFooter footer() {
        return footer;
    }

    /**
     * The rows of block {@code block}, with the columns whose indexes are in {@code columns} (in that
     * order), as fields made by {@link io.strata.common.type.ArrowTypes#field}. The caller closes it.
     */
    public VectorSchemaRoot readBlock(int block, int[] columns, BufferAllocator allocator) {
        BlockMeta meta = footer.blocks().get(block);
        List<Field> fields = new ArrayList<>(columns.length);
        List<FieldVector> vectors = new ArrayList<>(columns.length);
        try {
            for (int column : columns) {
                ColumnChunk chunk = meta.columns().get(column);
                Field field = footer.schema().get(column).field();
                byte[] bytes = chunkCache == null ? decodedChunk(chunk)
                        : chunkCache.get(store, key, chunk, () -> decodedChunk(chunk));
                VectorSchemaRoot single = ArrowIpc.read(bytes, List.of(field), allocator);
                fields.add(field);
                vectors.add(single.getVector(0));
            }
        } catch (RuntimeException e) {
            vectors.forEach(FieldVector::close);
            throw e;
        }
        return new VectorSchemaRoot(fields, vectors, meta.rowCount());
    }

    /** False only if no row of the object has a key hashing to {@code keyHash} (see {@link ObjectFooter#mightContainKey}). */
    public boolean mightContainKey(long keyHash, boolean keyHasText) {
        return footer.mightContainKey(keyHash, keyHasText);
    }

    /** The chunk's Arrow IPC bytes: fetched with one ranged GET, then decompressed. */
    private byte[] decodedChunk(ColumnChunk chunk) {
        byte[] stored = store.getRange(key, chunk.offset(), chunk.length());
        return chunk.codec().decompress(stored, chunk.rawLength());
    }
}
