package io.strata.compute.operator;

import io.strata.common.type.DataType;
import io.strata.common.type.TypeKind;
import io.strata.compute.expression.Column;
import io.strata.compute.expression.ColumnCaster;
import io.strata.compute.expression.Expr;
import io.strata.compute.plan.FrameBound;
import io.strata.compute.plan.WindowFunction;
import io.strata.compute.plan.SortKey;
import io.strata.compute.plan.WindowGroup;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of one window group in window order ({@code order}: row indexes sorted by partition, then order
 * keys), with each position's partition and peers (rows equal on the order keys), and the calls computed
 * over them: ranks and their distributions, offsets, values at frame positions, and aggregates over each row's
 * frame ({@link FrameExtents}), which slide along the partition ({@link FrameAggregate}): O(n) per call for
 * every frame kind. Values come back by row index.
 */
final class WindowFrames {
    private static final int AVG_EXTRA_SCALE = 4; // MySQL: AVG of a DECIMAL(p, s) has scale s + 4

    private final WindowGroup group;
    private final Column[] columns;
    private final int[] order;
    private final int[] partitionStart; // by position in order: first position of its partition
    private final int[] partitionEnd;   // exclusive
    private final int[] peerStart;
    private final int[] peerEnd;        // exclusive
    private FrameExtents frames;        // made on first use: ranks and offsets need none

    WindowFrames(WindowGroup group, Column[] columns, int[] order) {
        this.group = group;
        this.columns = columns;
        this.order = order;
        int n = order.length;
        partitionStart = new int[n];
        partitionEnd = new int[n];
        peerStart = new int[n];
        peerEnd = new int[n];
        RowComparator partitions = comparator(partitionKeys(group));
        RowComparator peers = comparator(windowOrder(group));
        int partition = 0;
        int peer = 0;
        for (int p = 0; p < n; p++) {
            if (p > 0 && partitions.compare(order[p - 1], order[p]) != 0) {
                partition = p;
            }
            if (p > 0 && (partition == p || peers.compare(order[p - 1], order[p]) != 0)) {
                peer = p;
            }
            partitionStart[p] = partition;
            peerStart[p] = peer;
        }
        int end = n;
        int peerEndAt = n;
        for (int p = n - 1; p >= 0; p--) {
            if (p < n - 1 && partitionStart[p + 1] != partitionStart[p]) {
                end = p + 1;
            }
            if (p < n - 1 && peerStart[p + 1] != peerStart[p]) {
                peerEndAt = p + 1;
            }
            partitionEnd[p] = end;
            peerEnd[p] = peerEndAt;
        }
    }

    /** The order rows take in the group's window: by partition keys, then by the order keys. */
    static List<SortKey> windowOrder(WindowGroup group) {
        List<SortKey> keys = partitionKeys(group);
        keys.addAll(group.orderKeys());
        return keys;
    }

    private static List<SortKey> partitionKeys(WindowGroup group) {
        List<SortKey> keys = new ArrayList<>();
        for (int key : group.partitionKeys()) {
            keys.add(new SortKey(key, false, true));
        }
        return keys;
    }

    private RowComparator comparator(List<SortKey> keys) {
        Column[] keyColumns = new Column[keys.size()];
        List<SortKey> aligned = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
            keyColumns[k] = columns[keys.get(k).column()];
            aligned.add(new SortKey(k, keys.get(k).descending(), keys.get(k).nullsFirst()));
        }
        return new RowComparator(keyColumns, aligned);
    }

    /** The Java values {@link #compute} gives for {@code call}, as a type {@link Column#fromValues} takes. */
    DataType valueType(WindowGroup.Call call) {
        return switch (call.function()) {
            case ROW_NUMBER, RANK, DENSE_RANK, NTILE, COUNT -> DataType.BIGINT;
            case PERCENT_RANK, CUME_DIST -> DataType.DOUBLE;
            case SUM, SUM0, AVG -> {
                DataType argument = argumentType(call, 0);
                if (isFloating(argument)) {
                    yield DataType.DOUBLE;
                }
                int scale = argument.kind() == TypeKind.DECIMAL ? argument.scale() : 0;
                yield DataType.decimal(38, call.function() == WindowFunction.AVG ? avgScale(scale) : scale);
            }
            default -> argumentType(call, 0);
        };
    }

    private static int avgScale(int scale) {
        return Math.min(30, scale + AVG_EXTRA_SCALE);
    }

    /** The call's value for every row, by row index. */
    Object[] compute(WindowGroup.Call call) {
        Object[] values = new Object[order.length];
        switch (call.function()) {
            case ROW_NUMBER -> forEach((p, index) -> values[index] = (long) (p - partitionStart[p] + 1));
            case RANK -> forEach((p, index) -> values[index] = (long) (peerStart[p] - partitionStart[p] + 1));
            case DENSE_RANK -> {
                long rank = 0;
                for (int p = 0; p < order.length; p++) {
                    rank = p == partitionStart[p] ? 1 : peerStart[p] == p ? rank + 1 : rank;
                    values[order[p]] = rank;
                }
            }
            case PERCENT_RANK -> forEach((p, index) -> {
                int rows = partitionEnd[p] - partitionStart[p];
                values[index] = rows == 1 ? 0.0 : (double) (peerStart[p] - partitionStart[p]) / (rows - 1);
            });
            case CUME_DIST -> forEach((p, index) ->
                    values[index] = (double) (peerEnd[p] - partitionStart[p]) / (partitionEnd[p] - partitionStart[p]));
            case NTILE -> ntile(((Number) literal(call.arguments().get(0))).longValue(), values);
            case LAG, LEAD -> offsets(call, values);
            case FIRST_VALUE, LAST_VALUE, NTH_VALUE -> valuesAt(call, values);
            default -> aggregates(call, values);
        }
        return values;
    }

    private interface PositionVisitor {
        void visit(int position, int rowIndex);
    }

    private void forEach(PositionVisitor visitor) {
        for (int p = 0; p < order.length; p++) {
            visitor.visit(p, order[p]);
        }
    }

    /** SQL's NTILE: {@code buckets} as even as can be, the first (rows mod buckets) of them one row larger. */
    private void ntile(long buckets, Object[] values) {
        assert buckets > 0 : buckets;
        forEach((p, index) -> {
            long rows = partitionEnd[p] - partitionStart[p];
            long small = rows / buckets;
            long large = small + 1;
            long inLarge = (rows % buckets) * large; // rows in the larger buckets, which come first
            long i = p - partitionStart[p];
            values[index] = i < inLarge ? i / large + 1 : (i - inLarge) / small + rows % buckets + 1;
        });
    }

    private void offsets(WindowGroup.Call call, Object[] values) {
        long offset = call.arguments().size() > 1 ? ((Number) literal(call.arguments().get(1))).longValue() : 1;
        Object fallback = null;
        if (call.arguments().size() > 2) {
            Expr.Literal given = (Expr.Literal) call.arguments().get(2);
            fallback = given.value() == null ? null
                    : ColumnCaster.cast(Column.constant(given.value(), given.type(), 1), argumentType(call, 0)).get(0);
        }
        Column argument = argument(call, 0);
        long step = call.function() == WindowFunction.LAG ? -offset : offset;
        for (int p = 0; p < order.length; p++) {
            long target = p + step;
            values[order[p]] = target >= partitionStart[p] && target < partitionEnd[p]
                    ? argument.get(order[(int) target]) : fallback;
        }
    }

    private FrameExtents frames() {
        if (frames == null) {
            frames = FrameExtents.of(group, columns, order, partitionStart, partitionEnd, peerStart, peerEnd);
        }
        return frames;
    }

    /** FIRST_VALUE, LAST_VALUE and NTH_VALUE (counted from the frame's first row, NULLs included): O(1) a row. */
    private void valuesAt(WindowGroup.Call call, Object[] values) {
        FrameExtents extents = frames();
        Column value = argument(call, 0);
        long nth = call.function() == WindowFunction.NTH_VALUE ? ((Number) literal(call.arguments().get(1))).longValue() : 1;
        assert nth > 0 : nth;
        for (int p = 0; p < order.length; p++) {
            int low = extents.low(p);
            int high = extents.high(p);
            long at = call.function() == WindowFunction.LAST_VALUE ? high : low + nth - 1;
            values[order[p]] = low <= high && at <= high ? value.get(order[(int) at]) : null;
        }
    }

    /**
     * COUNT, SUM, AVG, MIN and MAX: the frame's aggregate moves with it, rows entering at its end and leaving at
     * its start; it starts afresh at a partition's first row or when a frame lies wholly past the previous one.
     */
    private void aggregates(WindowGroup.Call call, Object[] values) {
        FrameExtents extents = frames();
        FrameAggregate aggregate = aggregate(call);
        int from = 0; // the aggregate holds positions [from, to)
        int to = 0;
        for (int p = 0; p < order.length; p++) {
            int low = extents.low(p);
            int high = extents.high(p);
            if (p == partitionStart[p] || low < from || high + 1 < to || low > to) {
                aggregate.reset();
                from = low;
                to = low;
            }
            while (to <= high) {
                aggregate.add(to++);
            }
            while (from < low) {
                aggregate.remove(from++);
            }
            values[order[p]] = aggregate.result();
        }
    }

    private FrameAggregate aggregate(WindowGroup.Call call) {
        Column value = call.arguments().isEmpty() ? null : argument(call, 0);
        return switch (call.function()) {
            case MIN, MAX -> new SlidingExtreme(value, order, call.function() == WindowFunction.MAX);
            case COUNT, SUM, SUM0, AVG -> new SlidingSum(call.function(), value, order,
                    group.lower().kind() != FrameBound.Kind.UNBOUNDED_PRECEDING, avgScale(scaleOf(call)));
            default -> throw new IllegalStateException("not a frame aggregate: " + call.function());
        };
    }

    private int scaleOf(WindowGroup.Call call) {
        if (call.arguments().isEmpty()) {
            return 0;
        }
        DataType type = argumentType(call, 0);
        return type.kind() == TypeKind.DECIMAL ? type.scale() : 0;
    }

    private Column argument(WindowGroup.Call call, int position) {
        Expr expr = call.arguments().get(position);
        if (expr instanceof Expr.ColumnRef ref) {
            return columns[ref.index()];
        }
        Expr.Literal literal = (Expr.Literal) expr;
        return Column.constant(literal.value(), literal.type(), order.length);
    }

    private DataType argumentType(WindowGroup.Call call, int position) {
        Expr expr = call.arguments().get(position);
        return expr instanceof Expr.ColumnRef ref ? columns[ref.index()].type() : ((Expr.Literal) expr).type();
    }

    private static Object literal(Expr expr) {
        return ((Expr.Literal) expr).value();
    }

    private static boolean isFloating(DataType type) {
        return type.kind() == TypeKind.FLOAT || type.kind() == TypeKind.DOUBLE;
    }
}
