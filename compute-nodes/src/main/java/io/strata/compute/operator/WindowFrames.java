package io.strata.compute.operator;

import io.strata.common.type.DataType;
import io.strata.common.type.TypeKind;
import io.strata.compute.expression.Column;
import io.strata.compute.expression.ColumnCaster;
import io.strata.compute.expression.Expr;
import io.strata.compute.plan.FrameBound;
import io.strata.compute.plan.SortKey;
import io.strata.compute.plan.WindowGroup;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of one window group in window order ({@code order}: row indexes sorted by partition, then order
 * keys), with each position's partition and peers (rows equal on the order keys), and the calls computed
 * over them: ranks, offsets, and aggregates over each row's frame (running when the frame starts at
 * UNBOUNDED PRECEDING, so a running total costs one pass). Values come back by row index.
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
            case ROW_NUMBER, RANK, DENSE_RANK, COUNT -> DataType.BIGINT;
            case SUM, SUM0, AVG -> {
                DataType argument = argumentType(call, 0);
                if (isFloating(argument)) {
                    yield DataType.DOUBLE;
                }
                int scale = argument.kind() == TypeKind.DECIMAL ? argument.scale() : 0;
                yield DataType.decimal(38, call.function() == io.strata.compute.plan.WindowFunction.AVG
                        ? Math.min(30, scale + AVG_EXTRA_SCALE) : scale);
            }
            default -> argumentType(call, 0);
        };
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
            case LAG, LEAD -> offsets(call, values);
            default -> frames(call, values);
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

    private void offsets(WindowGroup.Call call, Object[] values) {
        long offset = call.arguments().size() > 1 ? ((Number) literal(call.arguments().get(1))).longValue() : 1;
        Object fallback = null;
        if (call.arguments().size() > 2) {
            Expr.Literal given = (Expr.Literal) call.arguments().get(2);
            fallback = given.value() == null ? null
                    : ColumnCaster.cast(Column.constant(given.value(), given.type(), 1), argumentType(call, 0)).get(0);
        }
        Column argument = argument(call, 0);
        long step = call.function() == io.strata.compute.plan.WindowFunction.LAG ? -offset : offset;
        for (int p = 0; p < order.length; p++) {
            long target = p + step;
            values[order[p]] = target >= partitionStart[p] && target < partitionEnd[p]
                    ? argument.get(order[(int) target]) : fallback;
        }
    }

    /** FIRST_VALUE, LAST_VALUE and the aggregates, over each row's frame. */
    private void frames(WindowGroup.Call call, Object[] values) {
        boolean running = group.lower().kind() == FrameBound.Kind.UNBOUNDED_PRECEDING;
        Column value = call.arguments().isEmpty() ? null : argument(call, 0);
        Accumulator accumulator = null;
        int accumulatedTo = -1; // last position added to the running accumulator
        for (int p = 0; p < order.length; p++) {
            int low = lowerBound(p);
            int high = upperBound(p);
            switch (call.function()) {
                case FIRST_VALUE -> values[order[p]] = low <= high ? value.get(order[low]) : null;
                case LAST_VALUE -> values[order[p]] = low <= high ? value.get(order[high]) : null;
                default -> {
                    if (running) { // the frame only grows within a partition: add the rows it gained
                        if (p == partitionStart[p]) {
                            accumulator = new Accumulator(call, value);
                            accumulatedTo = p - 1;
                        }
                        for (int q = accumulatedTo + 1; q <= high; q++) {
                            accumulator.add(order[q]);
                        }
                        accumulatedTo = Math.max(accumulatedTo, high);
                    } else {
                        accumulator = new Accumulator(call, value);
                        for (int q = low; q <= high; q++) {
                            accumulator.add(order[q]);
                        }
                    }
                    values[order[p]] = accumulator.result();
                }
            }
        }
    }

    private int lowerBound(int p) {
        FrameBound bound = group.lower();
        int value = switch (bound.kind()) {
            case UNBOUNDED_PRECEDING -> partitionStart[p];
            case PRECEDING -> (int) Math.max(partitionStart[p], p - bound.offset());
            case CURRENT_ROW -> group.rows() ? p : peerStart[p];
            case FOLLOWING -> (int) Math.min(partitionEnd[p], p + bound.offset());
            case UNBOUNDED_FOLLOWING -> partitionEnd[p];
        };
        return Math.max(value, partitionStart[p]);
    }

    private int upperBound(int p) {
        FrameBound bound = group.upper();
        int value = switch (bound.kind()) {
            case UNBOUNDED_PRECEDING -> partitionStart[p] - 1;
            case PRECEDING -> (int) Math.max(partitionStart[p] - 1, p - bound.offset());
            case CURRENT_ROW -> group.rows() ? p : peerEnd[p] - 1;
            case FOLLOWING -> (int) Math.min(partitionEnd[p] - 1, p + bound.offset());
            case UNBOUNDED_FOLLOWING -> partitionEnd[p] - 1;
        };
        return Math.min(value, partitionEnd[p] - 1);
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

    /** COUNT, SUM, AVG, MIN or MAX of the rows added so far (NULLs skipped; COUNT(*) counts every row). */
    private final class Accumulator {
        private final WindowGroup.Call call;
        private final Column argument;
        private final boolean floating;
        private long count;
        private BigDecimal sum = BigDecimal.ZERO;
        private double floatingSum;
        private Object best;

        /** {@code argument}: the call's argument column, null for COUNT(*). */
        Accumulator(WindowGroup.Call call, Column argument) {
            this.call = call;
            this.argument = argument;
            this.floating = argument != null && isFloating(argument.type());
        }

        void add(int row) {
            if (argument == null) {
                count++;
                return;
            }
            if (argument.isNull(row)) {
                return;
            }
            count++;
            Object value = argument.get(row);
            switch (call.function()) {
                case SUM, SUM0, AVG -> {
                    if (floating) {
                        floatingSum += ((Number) value).doubleValue();
                    } else {
                        sum = sum.add(value instanceof BigDecimal d ? d : BigDecimal.valueOf(((Number) value).longValue()));
                    }
                }
                case MIN -> best = best == null || compare(value, best) < 0 ? value : best;
                case MAX -> best = best == null || compare(value, best) > 0 ? value : best;
                default -> { }
            }
        }

        Object result() {
            return switch (call.function()) {
                case COUNT -> count;
                case SUM -> count == 0 ? null : floating ? (Object) floatingSum : sum;
                case SUM0 -> floating ? (Object) floatingSum : sum;
                case AVG -> count == 0 ? null : floating ? (Object) (floatingSum / count)
                        : sum.divide(BigDecimal.valueOf(count), valueType(call).scale(), RoundingMode.HALF_UP);
                case MIN, MAX -> best;
                default -> throw new IllegalStateException("not an aggregate: " + call.function());
            };
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object x, Object y) {
        if (x instanceof String || x instanceof BigDecimal || x instanceof byte[]) {
            return RowComparator.compareObjects(x, y);
        }
        if (x instanceof Comparable comparable) {
            return comparable.compareTo(y);
        }
        return RowComparator.compareObjects(x, y);
    }
}
