package io.strata.compute.operator;

import io.strata.compute.expression.Column;
import io.strata.compute.plan.FrameBound;
import io.strata.compute.plan.WindowGroup;

/**
 * Each position's frame as a range of positions in window order, [{@link #low}, {@link #high}] (empty when
 * high < low), clamped to its partition: ROWS bounds count rows, RANGE's CURRENT ROW is the row's peers, and
 * RANGE value offsets are placed by {@link RangeFrameBounds}. Within a partition both ends never move back.
 */
final class FrameExtents {
    private final int[] low;
    private final int[] high;

    private FrameExtents(int[] low, int[] high) {
        this.low = low;
        this.high = high;
    }

    /** The frames of {@code group} over rows in window {@code order}, with their partitions and peers. */
    static FrameExtents of(WindowGroup group, Column[] columns, int[] order, int[] partitionStart, int[] partitionEnd,
                           int[] peerStart, int[] peerEnd) {
        int n = order.length;
        int[] low = bounds(group, group.lower(), true, columns, order, partitionStart, partitionEnd, peerStart, peerEnd);
        int[] high = bounds(group, group.upper(), false, columns, order, partitionStart, partitionEnd, peerStart, peerEnd);
        for (int p = 0; p < n; p++) {
            low[p] = Math.max(low[p], partitionStart[p]);
            high[p] = Math.min(high[p], partitionEnd[p] - 1);
        }
        return new FrameExtents(low, high);
    }

    private static int[] bounds(WindowGroup group, FrameBound bound, boolean lower, Column[] columns, int[] order,
                                int[] partitionStart, int[] partitionEnd, int[] peerStart, int[] peerEnd) {
        if (bound.isValueOffset()) {
            var key = group.orderKeys().get(0);
            return RangeFrameBounds.positions(columns[key.column()], key, bound, lower, order, partitionStart, partitionEnd);
        }
        int n = order.length;
        int[] positions = new int[n];
        for (int p = 0; p < n; p++) {
            long position = switch (bound.kind()) {
                case UNBOUNDED_PRECEDING -> lower ? partitionStart[p] : partitionStart[p] - 1;
                case PRECEDING -> (long) p - bound.offset();
                case CURRENT_ROW -> group.rows() ? p : lower ? peerStart[p] : peerEnd[p] - 1;
                case FOLLOWING -> (long) p + bound.offset();
                case UNBOUNDED_FOLLOWING -> lower ? partitionEnd[p] : partitionEnd[p] - 1;
            };
            // clamped one beyond the partition: a bound outside it still leaves the frame empty
            positions[p] = (int) Math.max(partitionStart[p] - 1, Math.min(partitionEnd[p], position));
        }
        return positions;
    }

    int low(int position) {
        return low[position];
    }

    int high(int position) {
        return high[position];
    }
}
