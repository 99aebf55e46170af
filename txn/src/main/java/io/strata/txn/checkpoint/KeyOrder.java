package io.strata.txn.checkpoint;

import io.strata.txn.mvcc.LogtailSegment;
import io.strata.txn.mvcc.RowCopier;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.Arrays;
import java.util.List;

/**
 * Orders rows being written by the table's primary key, when that key is one integer column: a range
 * read of a block sorted by the column then binary-searches instead of testing every row, and objects
 * written in key order (flushes sort their whole logtail, merges merge sorted runs: {@link KeyRuns}) have
 * blocks of narrow key ranges that zone maps prune. Row order carries no other meaning.
 */
final class KeyOrder {
    private KeyOrder() {}

    /**
     * The positions of {@code block}'s rows in ascending order of {@code column}, or null when they are in
     * that order already (or the column is not a signed integer vector).
     */
    static int[] order(VectorSchemaRoot block, int column) {
        if (!(block.getVector(column) instanceof BaseIntVector keys)) {
            return null;
        }
        int rows = block.getRowCount();
        boolean sorted = true;
        for (int i = 1; i < rows && sorted; i++) {
            sorted = keys.getValueAsLong(i - 1) <= keys.getValueAsLong(i);
        }
        if (sorted) {
            return null;
        }
        long[] values = new long[rows];
        for (int i = 0; i < rows; i++) {
            values[i] = keys.getValueAsLong(i);
        }
        return ascending(values);
    }

    /** The positions of {@code keys} in ascending key order, ties in position order. */
    private static int[] ascending(long[] keys) {
        Integer[] positions = new Integer[keys.length];
        for (int i = 0; i < keys.length; i++) {
            positions[i] = i;
        }
        Arrays.sort(positions, (a, b) -> Long.compare(keys[a], keys[b])); // a stable sort
        int[] order = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            order[i] = positions[i];
        }
        return order;
    }

    /** {@code block}'s rows in {@code order}, as a new batch the caller closes. */
    static VectorSchemaRoot reorder(VectorSchemaRoot block, int[] order) {
        return RowCopier.copy(block.getFieldVectors(), order, order.length, block.getSchema().getFields(), null,
                block.getFieldVectors().get(0).getAllocator());
    }

    /** {@code hashes} permuted like the rows, or null. */
    static long[] reorder(long[] hashes, int[] order) {
        if (hashes == null) {
            return null;
        }
        long[] sorted = new long[order.length];
        for (int i = 0; i < order.length; i++) {
            sorted[i] = hashes[order[i]];
        }
        return sorted;
    }

    /**
     * The rows of {@code logtail} as {@code segment index << 32 | row}: in ascending order of {@code column}
     * (ties in logtail order) when it is at least 0, else in logtail order.
     */
    static long[] logtailOrder(List<LogtailSegment> logtail, int column) {
        int total = logtail.stream().mapToInt(LogtailSegment::rowCount).sum();
        long[] refs = new long[total];
        long[] keys = column < 0 ? null : new long[total];
        int next = 0;
        for (int s = 0; s < logtail.size(); s++) {
            LogtailSegment segment = logtail.get(s);
            BaseIntVector segmentKeys = column < 0 ? null : (BaseIntVector) segment.rows().getVector(column);
            for (int row = 0; row < segment.rowCount(); row++) {
                refs[next] = (long) s << 32 | row;
                if (keys != null) {
                    keys[next] = segmentKeys.getValueAsLong(row);
                }
                next++;
            }
        }
        if (keys == null) {
            return refs;
        }
        int[] positions = ascending(keys); // ties keep logtail order
        long[] ordered = new long[total];
        for (int i = 0; i < total; i++) {
            ordered[i] = refs[positions[i]];
        }
        return ordered;
    }
}
