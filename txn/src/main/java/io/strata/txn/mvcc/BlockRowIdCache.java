package io.strata.txn.mvcc;

import io.strata.storage.format.DataObjectReader;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.Arrays;
import java.util.LinkedHashMap;

/**
 * The row ids and commit timestamps of recently probed data object blocks, on the heap, so that a point
 * lookup finds its row's position without decoding those two columns again. Bounded: at most
 * {@code maxBlocks} blocks (20 bytes per row), least recently used first out. Thread-safe.
 */
public final class BlockRowIdCache {
    /** A block's row ids and commit timestamps, by position, with the positions in row id order for searching. */
    public record BlockRowIds(long[] rowIds, long[] commitTs, int[] positionsByRowId) {
        static BlockRowIds of(long[] rowIds, long[] commitTs) {
            Integer[] order = new Integer[rowIds.length];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, (a, b) -> Long.compare(rowIds[a], rowIds[b]));
            return new BlockRowIds(rowIds, commitTs, Arrays.stream(order).mapToInt(Integer::intValue).toArray());
        }

        /** The position of {@code rowId} in the block, or -1 (a binary search: blocks are in key order, not row id order). */
        public int positionOf(long rowId) {
            int low = 0;
            int high = positionsByRowId.length - 1;
            while (low <= high) {
                int middle = (low + high) >>> 1;
                long found = rowIds[positionsByRowId[middle]];
                if (found < rowId) {
                    low = middle + 1;
                } else if (found > rowId) {
                    high = middle - 1;
                } else {
                    return positionsByRowId[middle];
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
            loaded = BlockRowIds.of(rowIds, commitTs);
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
