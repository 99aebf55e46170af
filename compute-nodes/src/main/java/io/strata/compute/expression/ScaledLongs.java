package io.strata.compute.expression;

/**
 * Exact numbers as longs at a decimal scale (value = values[i] / 10^scale): an integer column at scale
 * 0, a DECIMAL column held unscaled at its type's scale. The fast paths of DECIMAL arithmetic,
 * comparison and sums work on these and fall back to BigDecimal when a long would overflow.
 */
public record ScaledLongs(long[] values, int scale) {
    /** {@code column}'s values as longs at a scale, or null when it holds them otherwise. */
    public static ScaledLongs of(Column column) {
        if (column.unscaled() != null) {
            return new ScaledLongs(column.unscaled(), column.type().scale());
        }
        if (column.type().kind().isInteger()) {
            return new ScaledLongs(column.longs(), 0);
        }
        return null;
    }

    /** 10^power for power 0..18. */
    public static long powerOfTen(int power) {
        return Column.LONG_POWERS_OF_TEN[power];
    }

    /**
     * These values at {@code targetScale} (at least this scale, at most 18 above it) for the rows not
     * NULL; throws ArithmeticException when one would overflow.
     */
    public long[] rescaledUp(int targetScale, boolean[] nulls, int size) {
        if (targetScale == scale) {
            return values;
        }
        long factor = powerOfTen(targetScale - scale);
        long limit = Long.MAX_VALUE / factor;
        long[] out = new long[size];
        for (int i = 0; i < size; i++) {
            long value = values[i];
            if (value > limit || value < -limit) {
                if (!nulls[i]) {
                    throw new ArithmeticException("long overflow");
                }
                value = 0;
            }
            out[i] = value * factor; // a NULL row's value is garbage, never read
        }
        return out;
    }

    /** {@code value} from scale {@code from} to scale {@code to} (at most 18 apart), rounding half away from zero. */
    public static long rescale(long value, int from, int to) {
        if (to >= from) {
            return to == from ? value : Math.multiplyExact(value, powerOfTen(to - from));
        }
        long factor = powerOfTen(from - to);
        long quotient = value / factor;
        long remainder = value % factor;
        if (Math.abs(remainder) * 2 >= factor) {
            quotient += value < 0 ? -1 : 1;
        }
        return quotient;
    }

    /**
     * These values as a DECIMAL column of {@code type} (scale at most 18 from this one), rounding half
     * away from zero; null when a value overflows a long or {@code type}'s precision.
     */
    public Column toDecimal(io.strata.common.type.DataType type, boolean[] nulls, int size) {
        if (Math.abs(type.scale() - scale) > 18) {
            return null;
        }
        // Above 18 digits every long fits the type.
        long limit = type.precision() <= 18 ? powerOfTen(type.precision()) : Long.MAX_VALUE;
        if (type.scale() == scale) {
            return sameScale(type, limit, nulls, size);
        }
        long[] out = new long[size];
        try {
            for (int i = 0; i < size; i++) {
                if (!nulls[i]) {
                    long value = rescale(values[i], scale, type.scale());
                    if (limit != Long.MAX_VALUE && (value >= limit || value <= -limit)) {
                        return null;
                    }
                    out[i] = value;
                }
            }
        } catch (ArithmeticException e) {
            return null;
        }
        return Column.ofUnscaled(type, out, nulls);
    }

    /** {@link #toDecimal} at this scale: the values as they are, checked against the precision's limit. */
    private Column sameScale(io.strata.common.type.DataType type, long limit, boolean[] nulls, int size) {
        if (limit != Long.MAX_VALUE) {
            for (int i = 0; i < size; i++) {
                long value = values[i];
                if ((value >= limit || value <= -limit) && !nulls[i]) {
                    return null;
                }
            }
        }
        return Column.ofUnscaled(type, java.util.Arrays.copyOf(values, size), nulls);
    }
}
