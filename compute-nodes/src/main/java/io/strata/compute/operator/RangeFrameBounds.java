package io.strata.compute.operator;

import io.strata.common.type.TypeKind;
import io.strata.compute.expression.Column;
import io.strata.compute.plan.FrameBound;
import io.strata.compute.plan.RangeOffset;
import io.strata.compute.plan.SortKey;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Where RANGE frame bounds with a value offset ({@code RANGE 2 PRECEDING}, {@code INTERVAL 1 DAY FOLLOWING})
 * fall, as MySQL places them: over the one order key, the bound of a row with key v is v - offset (PRECEDING)
 * or v + offset (FOLLOWING) in the sort direction; the frame starts at the first row not before it and ends
 * at the last row not after it. A row whose key is NULL has its NULL peers as the bound, and NULL keys are in
 * no other row's value range. Keys are sorted within a partition, so the bounds only move forward: one
 * pointer per partition finds them all (O(n)).
 */
final class RangeFrameBounds {
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    /** The sign of key(position) - target(targetPosition): the target being the bound computed for that row. */
    private interface Distance {
        int compare(int position, int targetPosition);
    }

    private RangeFrameBounds() {}

    /**
     * For every position of {@code order} (row indexes in window order), the first (lower) or last (upper)
     * position of its frame by {@code bound}; an empty frame's upper position is below its lower one.
     */
    static int[] positions(Column key, SortKey sortKey, FrameBound bound, boolean lower, int[] order, int[] partitionStart,
                           int[] partitionEnd) {
        assert bound.isValueOffset() : bound;
        int n = order.length;
        int direction = sortKey.descending() ? -1 : 1;
        boolean subtract = (bound.kind() == FrameBound.Kind.PRECEDING) == (direction > 0);
        Distance distance = distance(key, order, bound.range(), subtract);
        int[] positions = new int[n];
        for (int start = 0; start < n; start = partitionEnd[start]) {
            int end = partitionEnd[start];
            int leadingNulls = start; // NULL keys are together, first or last in the partition
            while (leadingNulls < end && key.isNull(order[leadingNulls])) {
                leadingNulls++;
            }
            int nullStart = start;
            int nullEnd = leadingNulls;
            if (leadingNulls == start) {
                nullStart = end;
                while (nullStart > start && key.isNull(order[nullStart - 1])) {
                    nullStart--;
                }
                nullEnd = end;
            }
            int valuesStart = nullStart == start ? nullEnd : start;
            int valuesEnd = nullStart == start ? end : nullStart;
            int pointer = valuesStart;
            for (int p = start; p < end; p++) {
                if (key.isNull(order[p])) {
                    positions[p] = lower ? nullStart : nullEnd - 1;
                    continue;
                }
                if (lower) { // first position not before the target
                    while (pointer < valuesEnd && direction * distance.compare(pointer, p) < 0) {
                        pointer++;
                    }
                    positions[p] = pointer;
                } else { // last position not after the target
                    while (pointer < valuesEnd && direction * distance.compare(pointer, p) <= 0) {
                        pointer++;
                    }
                    positions[p] = pointer - 1;
                }
            }
        }
        return positions;
    }

    private static Distance distance(Column key, int[] order, RangeOffset offset, boolean subtract) {
        TypeKind kind = key.type().kind();
        int n = order.length;
        if (kind.isTemporal()) {
            long[] values = new long[n];
            long[] targets = new long[n];
            for (int p = 0; p < n; p++) {
                if (!key.isNull(order[p])) {
                    values[p] = kind == TypeKind.DATE ? key.longs()[order[p]] * MICROS_PER_DAY : key.longs()[order[p]];
                    targets[p] = shiftMicros(values[p], offset, subtract, kind == TypeKind.TIME);
                }
            }
            return (position, target) -> Long.compare(values[position], targets[target]);
        }
        BigDecimal number = offset.number();
        if (key.representation() == Column.Representation.DOUBLE) {
            double[] keys = key.doubles();
            double step = subtract ? -number.doubleValue() : number.doubleValue();
            return (position, target) -> Double.compare(keys[order[position]], keys[order[target]] + step);
        }
        if (key.representation() == Column.Representation.LONG && number.stripTrailingZeros().scale() <= 0
                && number.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
            long[] keys = key.longs();
            long step = number.longValueExact();
            return (position, target) -> {
                long value = keys[order[target]];
                long bound = subtract ? saturatedSubtract(value, step) : saturatedAdd(value, step);
                return Long.compare(keys[order[position]], bound);
            };
        }
        BigDecimal step = subtract ? number.negate() : number;
        return (position, target) -> decimal(key, order[position]).compareTo(decimal(key, order[target]).add(step));
    }

    private static BigDecimal decimal(Column key, int row) {
        Object value = key.get(row);
        return value instanceof BigDecimal decimal ? decimal : BigDecimal.valueOf(((Number) value).longValue());
    }

    /** {@code micros} (epoch microseconds, or of the day for TIME) plus or minus the interval, months as DATE_ADD adds them. */
    private static long shiftMicros(long micros, RangeOffset offset, boolean subtract, boolean timeOfDay) {
        long shifted = micros;
        if (offset.months() != 0 && !timeOfDay) {
            LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                    (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
            LocalDateTime moved = subtract ? time.minusMonths(offset.months()) : time.plusMonths(offset.months());
            shifted = ChronoUnit.MICROS.between(LocalDate.EPOCH.atStartOfDay(), moved);
        }
        return subtract ? saturatedSubtract(shifted, offset.micros()) : saturatedAdd(shifted, offset.micros());
    }

    private static long saturatedAdd(long value, long step) {
        long sum = value + step;
        return ((value ^ sum) & (step ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    private static long saturatedSubtract(long value, long step) {
        long difference = value - step;
        return ((value ^ step) & (value ^ difference)) < 0 ? Long.MIN_VALUE : difference;
    }
}
