package io.strata.txn.checkpoint;

import io.strata.storage.format.BlockMeta;
import io.strata.storage.format.ColumnChunk;
import io.strata.storage.format.DataObjectReader;
import io.strata.txn.catalog.TableDefinition;
import io.strata.txn.mvcc.DataObjectRef;
import io.strata.txn.mvcc.TableVersion;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Decides whether a table's objects are worth merging, and which: more than {@value #MAX_SMALL_OBJECTS}
 * small data objects of one size tier (under a quarter of the rows a merge puts in one object,
 * {@link ObjectSequence#mergeObjectRows}: the usual result of frequent flushes; see {@link #crowdedTier}), or data objects whose droppable deleted rows (deleted before every active snapshot)
 * exceed {@value #DROPPABLE_PERCENT}% of their rows, or more than {@value #MAX_TOMBSTONE_OBJECTS}
 * tombstone objects. One merge takes at most {@value #MAX_INPUTS} data objects, so it stays bounded.
 */
public final class MergePolicy {
    static final int MAX_SMALL_OBJECTS = 8;
    static final int MAX_TOMBSTONE_OBJECTS = 8;
    static final int MAX_INPUTS = 32;
    /**
     * Low on purpose: updates concentrate on hot keys, so an object 5% dead overall can be mostly dead in
     * the key range every scan reads (sysbench's read_write scanned two dead row versions per live row at 20%).
     */
    static final int DROPPABLE_PERCENT = 5;
    static final int TIER_FACTOR = 8;
    static final int LOOK_AGAIN_DIVISOR = 20;

    private MergePolicy() {}

    /**
     * The data objects to merge (possibly none, when only the tombstone objects need compacting), or empty
     * if the table needs no merge. {@code droppable} holds the row ids of tombstones no snapshot needs, sorted;
     * objects are checked for them only if {@code lookForSparse} (see {@link #sparseLookDue}), by their
     * {@code sortedRowIds} (see {@link #sortedRowIds(DataObjectReader, BufferAllocator)}; objects never change,
     * so callers may cache them).
     */
    public static Optional<List<DataObjectRef>> pick(TableDefinition table, TableVersion version, long[] droppable,
                                                     boolean lookForSparse, Function<String, DataObjectReader> readers,
                                                     Function<DataObjectReader, long[]> sortedRowIds) {
        long smallObjectRows = ObjectSequence.mergeObjectRows(table) / 4;
        Optional<List<DataObjectRef>> crowdedTier = crowdedTier(version.objects(), smallObjectRows);
        if (crowdedTier.isPresent()) {
            return crowdedTier;
        }
        List<DataObjectRef> sparse = new ArrayList<>();
        if (lookForSparse && droppable.length > 0) {
            for (DataObjectRef object : version.objects()) {
                DataObjectReader reader = readers.apply(object.key());
                if (worthRewriting(object, estimate(reader, droppable))
                        && worthRewriting(object, countDroppable(sortedRowIds.apply(reader), droppable))) {
                    sparse.add(object);
                    if (sparse.size() == MAX_INPUTS) {
                        break;
                    }
                }
            }
        }
        if (!sparse.isEmpty() || version.tombstoneObjects().size() > MAX_TOMBSTONE_OBJECTS) {
            return Optional.of(sparse);
        }
        return Optional.empty();
    }

    /**
     * The small objects (under {@code smallObjectRows} rows) of the lowest size tier holding more than
     * {@value #MAX_SMALL_OBJECTS} of them (at most {@value #MAX_INPUTS}), or empty. Tiers grow by a factor of
     * {@value #TIER_FACTOR} in rows, so merging a tier's objects makes one of a higher tier: a row is
     * rewritten about once per tier, not once per flush as when every small object (the growing merged one
     * too) was merged each time. A merge's objects but its last are four times the bound: full-sized
     * objects are never merged again for their count.
     */
    static Optional<List<DataObjectRef>> crowdedTier(List<DataObjectRef> objects, long smallObjectRows) {
        Map<Integer, List<DataObjectRef>> tiers = new TreeMap<>();
        for (DataObjectRef object : objects) {
            if (object.rowCount() < smallObjectRows) {
                tiers.computeIfAbsent(tier(object.rowCount()), t -> new ArrayList<>()).add(object);
            }
        }
        for (List<DataObjectRef> tier : tiers.values()) {
            if (tier.size() > MAX_SMALL_OBJECTS) {
                return Optional.of(List.copyOf(tier.subList(0, Math.min(MAX_INPUTS, tier.size()))));
            }
        }
        return Optional.empty();
    }

    /** The size tier of an object of {@code rows} rows: 0 below {@value #TIER_FACTOR} rows, 1 below its square... */
    static int tier(long rows) {
        int tier = 0;
        for (long bound = TIER_FACTOR; rows >= bound; bound *= TIER_FACTOR) {
            tier++;
        }
        return tier;
    }

    /**
     * Whether looking for sparse objects is due: a look walks the row ids of every object that may hold
     * droppable rows, so after a look that found none the next waits until another 1/{@value #LOOK_AGAIN_DIVISOR}
     * of the {@value #DROPPABLE_PERCENT}% share that makes an object worth rewriting (counted over the
     * whole table) has become droppable. Looks after each flush were a tenth of a write load's CPU.
     *
     * @param droppableAtLastLook the droppable rows when a look last found nothing, or -1 if it did not
     */
    public static boolean sparseLookDue(long droppable, long droppableAtLastLook, long tableRows) {
        if (droppableAtLastLook < 0) {
            return true;
        }
        long step = Math.max(1, tableRows * DROPPABLE_PERCENT / 100 / LOOK_AGAIN_DIVISOR);
        return droppable >= droppableAtLastLook + step;
    }

    private static boolean worthRewriting(DataObjectRef object, long droppableRows) {
        return droppableRows * 100 > object.rowCount() * DROPPABLE_PERCENT;
    }

    /** An upper bound of the droppable rows in the object, from its blocks' row id zone maps. */
    private static long estimate(DataObjectReader reader, long[] droppable) {
        int rowIdColumn = reader.footer().schema().size() - 2;
        long count = 0;
        for (BlockMeta block : reader.footer().blocks()) {
            ColumnChunk ids = block.columns().get(rowIdColumn);
            if (ids.min() == null) {
                continue;
            }
            count += Math.min(block.rowCount(), countBetween(droppable, (Long) ids.min(), (Long) ids.max()));
        }
        return count;
    }

    private static long countBetween(long[] sorted, long min, long max) {
        int from = Arrays.binarySearch(sorted, min);
        int to = Arrays.binarySearch(sorted, max);
        from = from < 0 ? -from - 1 : from;
        to = to < 0 ? -to - 1 : to + 1;
        return Math.max(0, to - from);
    }

    /** How many of {@code sortedRowIds} (an object's row ids, sorted) are in {@code droppable} (sorted). */
    static long countDroppable(long[] sortedRowIds, long[] droppable) {
        long count = 0;
        int i = 0;
        int j = 0;
        while (i < sortedRowIds.length && j < droppable.length) {
            if (sortedRowIds[i] < droppable[j]) {
                i++;
            } else if (sortedRowIds[i] > droppable[j]) {
                j++;
            } else {
                count++;
                i++;
                j++;
            }
        }
        return count;
    }

    /** The row ids of a data object, sorted (decoded from its row id column). */
    public static long[] sortedRowIds(DataObjectReader reader, BufferAllocator allocator) {
        int rowIdColumn = reader.footer().schema().size() - 2;
        long[] ids = new long[Math.toIntExact(reader.footer().rowCount())];
        int filled = 0;
        for (int block = 0; block < reader.footer().blocks().size(); block++) {
            try (VectorSchemaRoot rows = reader.readBlock(block, new int[] {rowIdColumn}, allocator)) {
                BigIntVector vector = (BigIntVector) rows.getVector(0);
                for (int i = 0; i < rows.getRowCount(); i++) {
                    ids[filled++] = vector.get(i);
                }
            }
        }
        ids = filled == ids.length ? ids : Arrays.copyOf(ids, filled);
        Arrays.sort(ids);
        return ids;
    }
}
