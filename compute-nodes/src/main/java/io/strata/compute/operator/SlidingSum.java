package io.strata.compute.operator;

import io.strata.common.type.TypeKind;
import io.strata.compute.expression.Column;
import io.strata.compute.plan.WindowFunction;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * COUNT, SUM and AVG over a sliding frame: a count and a sum that rows are added to and subtracted from.
 * Integers sum in a long until it would overflow, then in a BigDecimal; DECIMALs in a BigDecimal. Floating
 * values sum in a double while the frame only grows (the order MySQL adds them in), and exactly in a BigDecimal
 * when rows also leave it, so subtracting never leaves rounding residue (MySQL recomputes such frames).
 */
final class SlidingSum implements FrameAggregate {
    private final WindowFunction function;
    private final Column argument; // null for COUNT(*)
    private final int[] order;
    private final boolean integers;
    private final boolean floatingRunning;
    private final int avgScale;
    private long count;
    private long longSum;
    private BigDecimal exactSum; // null while the sum is in longSum (integers) or floatingSum
    private double floatingSum;

    /**
     * @param sliding whether rows leave the frame (its start is not UNBOUNDED PRECEDING)
     * @param avgScale the scale of an AVG of exact values
     */
    SlidingSum(WindowFunction function, Column argument, int[] order, boolean sliding, int avgScale) {
        this.function = function;
        this.argument = argument;
        this.order = order;
        TypeKind kind = argument == null ? TypeKind.BIGINT : argument.type().kind();
        boolean floating = kind == TypeKind.FLOAT || kind == TypeKind.DOUBLE;
        this.integers = argument != null && !floating && argument.representation() == Column.Representation.LONG;
        this.floatingRunning = floating && !sliding;
        this.avgScale = avgScale;
        reset();
    }

    @Override
    public void reset() {
        count = 0;
        longSum = 0;
        floatingSum = 0;
        exactSum = integers || floatingRunning ? null : BigDecimal.ZERO;
    }

    @Override
    public void add(int position) {
        accumulate(position, 1);
    }

    @Override
    public void remove(int position) {
        accumulate(position, -1);
    }

    private void accumulate(int position, int sign) {
        int row = order[position];
        if (argument == null) {
            count += sign;
            return;
        }
        if (argument.isNull(row)) {
            return;
        }
        count += sign;
        if (function == WindowFunction.COUNT) {
            return;
        }
        if (floatingRunning) {
            floatingSum += sign * argument.doubles()[row];
        } else if (exactSum == null) {
            long value = argument.longs()[row];
            try {
                longSum = sign > 0 ? Math.addExact(longSum, value) : Math.subtractExact(longSum, value);
            } catch (ArithmeticException overflow) {
                exactSum = BigDecimal.valueOf(longSum); // from now on the sum is exact (the count has moved already)
                exactSum = sign > 0 ? exactSum.add(BigDecimal.valueOf(value)) : exactSum.subtract(BigDecimal.valueOf(value));
            }
        } else {
            BigDecimal value = exact(row);
            exactSum = sign > 0 ? exactSum.add(value) : exactSum.subtract(value);
        }
    }

    private BigDecimal exact(int row) {
        return switch (argument.representation()) {
            case LONG -> BigDecimal.valueOf(argument.longs()[row]);
            case DOUBLE -> new BigDecimal(argument.doubles()[row]);
            case OBJECT -> (BigDecimal) argument.get(row);
        };
    }

    @Override
    public Object result() {
        return switch (function) {
            case COUNT -> count;
            case SUM -> count == 0 ? null : sum();
            case SUM0 -> sum();
            case AVG -> count == 0 ? null : average();
            default -> throw new IllegalStateException("not a sum: " + function);
        };
    }

    private Object sum() {
        if (floatingRunning) {
            return floatingSum;
        }
        if (exactSum == null) {
            return BigDecimal.valueOf(longSum);
        }
        return isFloating() ? (Object) exactSum.doubleValue() : exactSum;
    }

    private Object average() {
        if (floatingRunning) {
            return floatingSum / count;
        }
        BigDecimal sum = exactSum == null ? BigDecimal.valueOf(longSum) : exactSum;
        if (isFloating()) {
            return sum.doubleValue() / count;
        }
        return sum.divide(BigDecimal.valueOf(count), avgScale, RoundingMode.HALF_UP);
    }

    private boolean isFloating() {
        return argument != null && argument.representation() == Column.Representation.DOUBLE;
    }
}
