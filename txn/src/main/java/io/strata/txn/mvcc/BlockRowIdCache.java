package io.strata.txn.mvcc;

import io.strata.storage.format.DataObjectReader;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.LinkedHashMap;

/**
 * The row ids and commit timestamps of recently probed data object blocks, on the heap, so that a point
 * lookup finds its row's position without decoding those two columns again. Bounded: at most
 * {@code maxBlocks} blocks (16 bytes per row), least recently used first out. Thread-safe.
 */
public final class BlockRowIdCache {
    /** A block's row ids and commit timestamps, by position. */
    public record BlockRowIds(long[] rowIds, long[] commitTs) {
        /** The position of {@code rowId} in the block, or -1. */
        public int positionOf(long rowId) {
            for (int i = 0; i < rowIds.length; i++) {
                if (rowIds[i] == rowId) {
                    return i;
                }
            }
            return -1;
        }
    }

    private record BlockKey(String objectKey, int block) {}

    private final int maxBlocks;
    private final LinkedHashMap<BlockKey, BlockRowIds> blocks = new LinkedHashMap<>(64, 0.75f, true); // guarded by this

    public BlockRowIdCache(int maxBlocks) {
        this.maxBlocks = maxBlocks;
    }

    /** The row ids and commit timestamps of {@code block}; the data object's last two columns hold them. */
    public BlockRowIds get(DataObjectReader reader, int block, BufferAllocator allocator) {
        BlockKey key = new BlockKey(reader.key(), block);
        synchronized (this) {
            BlockRowIds cached = blocks.get(key);
            if (cached != null) {
                return cached;
            }
        }
        int rowIdColumn = reader.footer().schema().size() - 2;
        BlockRowIds loaded;
        try (VectorSchemaRoot rows = reader.readBlock(block, new int[] {rowIdColumn, rowIdColumn + 1}, allocator)) {
            int count = rows.getRowCount();
            long[] rowIds = new long[count];
            long[] commitTs = new long[count];
            BigIntVector ids = (BigIntVector) rows.getVector(0);
            BigIntVector timestamps = (BigIntVector) rows.getVector(1);
            for (int i = 0; i < count; i++) {
                rowIds[i] = ids.get(i);
                commitTs[i] = timestamps.get(i);
            }
            loaded = new BlockRowIds(rowIds, commitTs);
        }
        synchronized (this) {
            blocks.put(key, loaded);
            var eldest = blocks.entrySet().iterator();
            while (blocks.size() > maxBlocks && eldest.hasNext()) {
                eldest.next();
                eldest.remove();
            }
        }
        return loaded;
    }
}
