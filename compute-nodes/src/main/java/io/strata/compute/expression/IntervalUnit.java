package io.strata.compute.expression;

import java.util.Locale;

/**
 * MySQL's interval units whose amount is text of several numbers (YEAR_MONTH, DAY_HOUR ...
 * SECOND_MICROSECOND), and MICROSECOND, which Calcite's grammar lacks. Each part's size is counted in
 * the unit's smallest measure: months for YEAR_MONTH, microseconds for the others.
 */
public enum IntervalUnit {
    YEAR_MONTH(true, 12, 1),
    DAY_HOUR(false, Sizes.DAY, Sizes.HOUR),
    DAY_MINUTE(false, Sizes.DAY, Sizes.HOUR, Sizes.MINUTE),
    DAY_SECOND(false, Sizes.DAY, Sizes.HOUR, Sizes.MINUTE, Sizes.SECOND),
    HOUR_MINUTE(false, Sizes.HOUR, Sizes.MINUTE),
    HOUR_SECOND(false, Sizes.HOUR, Sizes.MINUTE, Sizes.SECOND),
    MINUTE_SECOND(false, Sizes.MINUTE, Sizes.SECOND),
    DAY_MICROSECOND(false, Sizes.DAY, Sizes.HOUR, Sizes.MINUTE, Sizes.SECOND, 1),
    HOUR_MICROSECOND(false, Sizes.HOUR, Sizes.MINUTE, Sizes.SECOND, 1),
    MINUTE_MICROSECOND(false, Sizes.MINUTE, Sizes.SECOND, 1),
    SECOND_MICROSECOND(false, Sizes.SECOND, 1),
    /** A plain number of microseconds (not text of parts). */
    MICROSECOND(false, 1);

    private static final class Sizes {
        static final long SECOND = 1_000_000L;
        static final long MINUTE = 60 * SECOND;
        static final long HOUR = 60 * MINUTE;
        static final long DAY = 24 * HOUR;
    }

    private final boolean months;
    private final long[] partSizes;

    IntervalUnit(boolean months, long... partSizes) {
        this.months = months;
        this.partSizes = partSizes;
    }

    /** The unit named {@code name} (any case), or null. */
    public static IntervalUnit named(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null; // not one of these units
        }
    }

    /** Whether amounts count months (YEAR_MONTH), else microseconds. */
    public boolean months() { return months; }

    /** Whether the last part is microseconds, so that the result carries fractional seconds. */
    public boolean microseconds() { return !months && partSizes[partSizes.length - 1] == 1; }

    /** The number of parts the text form has. */
    int parts() { return partSizes.length; }

    long partSize(int part) { return partSizes[part]; }
}
