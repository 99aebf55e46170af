package io.strata.txn.checkpoint;

import io.strata.storage.format.DataObjectReader;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.function.Function;

/**
 * A table's tombstones as a merge reads them: row ids sorted in a primitive array with their delete commit
 * timestamps beside them, probed once per merged row, then written back without the rows the merge dropped.
 * A merge reads every tombstone of its table; boxed in a hash map and sorted by comparator, that was a
 * third of a write load's merge time.
 */
final class TombstoneList {
    /** What {@link #deletedAt} returns for a row without a tombstone. */
    static final long NOT_DELETED = Long.MAX_VALUE;
    private final long[] rowIds;   // ascending, unique
    private final long[] commitTs; // by the position of the row id
    private final BitSet removed = new BitSet();
    private int left;

    private TombstoneList(long[] rowIds, long[] commitTs) {
        this.rowIds = rowIds;
        this.commitTs = commitTs;
        this.left = rowIds.length;
    }

    /** The tombstones of the tombstone objects {@code keys} (a row id listed twice keeps its last listing). */
    static TombstoneList read(List<String> keys, Function<String, DataObjectReader> readers, BufferAllocator allocator) {
        long[] ids = new long[0];
        long[] timestamps = new long[0];
        int count = 0;
        for (String key : keys) {
            DataObjectReader reader = readers.apply(key);
            int rows = Math.toIntExact(reader.footer().rowCount());
            ids = Arrays.copyOf(ids, count + rows);
            timestamps = Arrays.copyOf(timestamps, count + rows);
            for (int block = 0; block < reader.footer().blocks().size(); block++) {
                try (VectorSchemaRoot batch = reader.readBlock(block, new int[] {0, 1}, allocator)) {
                    BigIntVector blockIds = (BigIntVector) batch.getVector(0);
                    BigIntVector blockTs = (BigIntVector) batch.getVector(1);
                    for (int i = 0; i < batch.getRowCount(); i++) {
                        ids[count] = blockIds.get(i);
                        timestamps[count++] = blockTs.get(i);
                    }
                }
            }
        }
        return of(Arrays.copyOf(ids, count), Arrays.copyOf(timestamps, count));
    }

    /** The tombstones {@code ids[i]} deleted at {@code timestamps[i]}, in any order. */
    static TombstoneList of(long[] ids, long[] timestamps) {
        long[] sorted = ids.clone();
        Arrays.sort(sorted);
        int unique = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (unique == 0 || sorted[unique - 1] != sorted[i]) {
                sorted[unique++] = sorted[i];
            }
        }
        sorted = Arrays.copyOf(sorted, unique);
        long[] sortedTs = new long[unique];
        for (int i = 0; i < ids.length; i++) {
            sortedTs[Arrays.binarySearch(sorted, ids[i])] = timestamps[i];
        }
        return new TombstoneList(sorted, sortedTs);
    }

    /** The delete commit ts of {@code rowId}, or {@link #NOT_DELETED}. */
    long deletedAt(long rowId) {
        int position = Arrays.binarySearch(rowIds, rowId);
        return position < 0 || removed.get(position) ? NOT_DELETED : commitTs[position];
    }

    /** Leaves the tombstone of {@code rowId} out of what {@link #toObject} writes. */
    void remove(long rowId) {
        int position = Arrays.binarySearch(rowIds, rowId);
        if (position >= 0 && !removed.get(position)) {
            removed.set(position);
            left--;
        }
    }

    boolean isEmpty() {
        return left == 0;
    }

    /** The tombstones not removed as one tombstone object, in row id order. */
    byte[] toObject(BufferAllocator allocator) {
        long[] keptIds = new long[left];
        long[] keptTs = new long[left];
        int kept = 0;
        for (int i = 0; i < rowIds.length; i++) {
            if (!removed.get(i)) {
                keptIds[kept] = rowIds[i];
                keptTs[kept++] = commitTs[i];
            }
        }
        return Flusher.tombstoneObject(keptIds, keptTs, allocator);
    }
}
