package io.strata.compute.operator;

import io.strata.common.type.DataType;
import io.strata.compute.expression.Column;
import io.strata.compute.expression.Expr;
import io.strata.compute.plan.FrameBound;
import io.strata.compute.plan.RangeOffset;
import io.strata.compute.plan.SortKey;
import io.strata.compute.plan.WindowFunction;
import io.strata.compute.plan.WindowGroup;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The sliding frames (running sums, monotonic deques, RANGE pointers) give what rescanning every row's frame
 * from scratch gives, on random partitions with ties and NULL keys, for ROWS and RANGE frames of random
 * offsets, ascending and descending.
 */
class WindowFramesAgainstRescanTest {
    private static final int ROWS = 300;
    private static final List<WindowFunction> AGGREGATES = List.of(WindowFunction.COUNT, WindowFunction.SUM,
            WindowFunction.MIN, WindowFunction.MAX, WindowFunction.NTH_VALUE);

    @Test
    void slidingAggregatesEqualRescannedFrames() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            Long[] partition = new Long[ROWS];
            Long[] key = new Long[ROWS];
            Long[] value = new Long[ROWS];
            for (int i = 0; i < ROWS; i++) {
                partition[i] = (long) random.nextInt(4);
                key[i] = random.nextInt(8) == 0 ? null : (long) random.nextInt(40);
                value[i] = random.nextInt(6) == 0 ? null : (long) random.nextInt(1000) - 500;
            }
            Column[] columns = {Column.fromValues(DataType.BIGINT, partition), Column.fromValues(DataType.BIGINT, key),
                    Column.fromValues(DataType.BIGINT, value)};
            boolean rows = random.nextBoolean();
            boolean descending = random.nextBoolean();
            FrameBound lower = bound(random, rows, true);
            FrameBound upper = bound(random, rows, false);
            if (lower.kind().ordinal() > upper.kind().ordinal()) {
                FrameBound swap = lower;
                lower = upper;
                upper = swap;
            }
            if (lower.kind() == FrameBound.Kind.UNBOUNDED_FOLLOWING || upper.kind() == FrameBound.Kind.UNBOUNDED_PRECEDING) {
                continue;
            }
            SortKey sortKey = new SortKey(1, descending, !descending); // MySQL: NULLs first ascending, last descending
            List<SortKey> orderKeys = rows ? List.of(sortKey, new SortKey(2, false, true)) : List.of(sortKey);
            for (WindowFunction function : AGGREGATES) {
                List<Expr> arguments = function == WindowFunction.NTH_VALUE
                        ? List.of(new Expr.ColumnRef(2, DataType.BIGINT), new Expr.Literal(3L, DataType.BIGINT))
                        : List.of(new Expr.ColumnRef(2, DataType.BIGINT));
                WindowGroup.Call call = new WindowGroup.Call(function, arguments, DataType.BIGINT);
                WindowGroup group = new WindowGroup(new int[] {0}, orderKeys, rows, lower, upper, List.of(call));
                int[] order = windowOrder(columns, group);
                Object[] sliding = new WindowFrames(group, columns, order).compute(call);
                Object[] rescanned = rescan(group, call, columns, order);
                for (int r = 0; r < ROWS; r++) {
                    assertEquals(normalize(rescanned[r]), normalize(sliding[r]), function + " " + (rows ? "ROWS " : "RANGE ")
                            + lower + " .. " + upper + (descending ? " DESC" : "") + ", row " + r);
                }
            }
        }
    }

    private static FrameBound bound(Random random, boolean rows, boolean lower) {
        FrameBound.Kind kind = FrameBound.Kind.values()[random.nextInt(5)];
        if (kind != FrameBound.Kind.PRECEDING && kind != FrameBound.Kind.FOLLOWING) {
            return FrameBound.of(kind);
        }
        int offset = random.nextInt(6);
        return rows ? new FrameBound(kind, offset) : FrameBound.range(kind, RangeOffset.number(BigDecimal.valueOf(offset)));
    }

    private static int[] windowOrder(Column[] columns, WindowGroup group) {
        RowComparator comparator = new RowComparator(new Column[] {columns[0], columns[1], columns[2]},
                WindowFrames.windowOrder(group).stream().map(k -> new SortKey(k.column(), k.descending(), k.nullsFirst())).toList());
        Integer[] boxed = new Integer[ROWS];
        for (int i = 0; i < ROWS; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, comparator::compare);
        return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }

    /** Each row's frame found by testing every row of its partition against the frame's definition. */
    private static Object[] rescan(WindowGroup group, WindowGroup.Call call, Column[] columns, int[] order) {
        Object[] results = new Object[ROWS];
        for (int p = 0; p < ROWS; p++) {
            List<Long> frame = new ArrayList<>();
            for (int q = 0; q < ROWS; q++) {
                if (columns[0].get(order[q]).equals(columns[0].get(order[p])) && inFrame(group, columns[1], order, p, q)) {
                    frame.add((Long) columns[2].get(order[q]));
                }
            }
            results[order[p]] = aggregate(call.function(), frame);
        }
        return results;
    }

    private static boolean inFrame(WindowGroup group, Column key, int[] order, int p, int q) {
        return !before(group, group.lower(), key, order, p, q, true) && !before(group, group.upper(), key, order, p, q, false);
    }

    /** Whether q lies before the lower bound (lower) or after the upper bound (!lower) of p's frame. */
    private static boolean before(WindowGroup group, FrameBound bound, Column key, int[] order, int p, int q, boolean lower) {
        int sign = lower ? 1 : -1; // compare q against the bound: before it (lower) / after it (upper)
        if (group.rows()) {
            long at = switch (bound.kind()) {
                case UNBOUNDED_PRECEDING -> Long.MIN_VALUE / 2;
                case PRECEDING -> p - bound.offset();
                case CURRENT_ROW -> p;
                case FOLLOWING -> p + bound.offset();
                case UNBOUNDED_FOLLOWING -> Long.MAX_VALUE / 2;
            };
            return sign * (q - at) < 0;
        }
        if (bound.kind() == FrameBound.Kind.UNBOUNDED_PRECEDING || bound.kind() == FrameBound.Kind.UNBOUNDED_FOLLOWING) {
            return lower ? bound.kind() == FrameBound.Kind.UNBOUNDED_FOLLOWING : bound.kind() == FrameBound.Kind.UNBOUNDED_PRECEDING;
        }
        boolean descending = group.orderKeys().get(0).descending();
        Long current = (Long) key.get(order[p]);
        Long candidate = (Long) key.get(order[q]);
        if (current == null || candidate == null) { // MySQL: a NULL bound is the NULL peers; NULLs sort first ascending
            if (current == null && candidate == null) {
                return false;
            }
            boolean candidateFirst = candidate == null ? !descending : descending;
            return lower == candidateFirst;
        }
        long offset = bound.isValueOffset() ? bound.range().number().longValueExact() : 0;
        long direction = descending ? -1 : 1;
        long target = switch (bound.kind()) {
            case PRECEDING -> current - direction * offset;
            case FOLLOWING -> current + direction * offset;
            default -> current;
        };
        return sign * direction * Long.compare(candidate, target) < 0;
    }

    private static Object aggregate(WindowFunction function, List<Long> frame) {
        List<Long> values = frame.stream().filter(v -> v != null).toList();
        return switch (function) {
            case COUNT -> (long) values.size();
            case SUM -> values.isEmpty() ? null : values.stream().mapToLong(Long::longValue).sum();
            case MIN -> values.stream().min(Long::compare).orElse(null);
            case MAX -> values.stream().max(Long::compare).orElse(null);
            case NTH_VALUE -> frame.size() >= 3 ? frame.get(2) : null;
            default -> throw new IllegalArgumentException(function.name());
        };
    }

    private static Object normalize(Object value) {
        return value instanceof BigDecimal decimal ? decimal.longValueExact() : value;
    }
}
