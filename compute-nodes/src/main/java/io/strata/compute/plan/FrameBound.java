package io.strata.compute.plan;

/**
 * One end of a window frame. For PRECEDING and FOLLOWING, {@code offset} counts rows in a ROWS frame, and
 * {@code range} (null otherwise) is the distance in order-key values in a RANGE frame; else both are 0 / null.
 */
public record FrameBound(Kind kind, long offset, RangeOffset range) {
    public enum Kind { UNBOUNDED_PRECEDING, PRECEDING, CURRENT_ROW, FOLLOWING, UNBOUNDED_FOLLOWING }

    public FrameBound {
        if (offset < 0) {
            throw new IllegalArgumentException("negative frame offset " + offset);
        }
        if (range != null && kind != Kind.PRECEDING && kind != Kind.FOLLOWING) {
            throw new IllegalArgumentException("a RANGE offset on " + kind);
        }
    }

    /** A ROWS bound, {@code offset} rows away for PRECEDING and FOLLOWING. */
    public FrameBound(Kind kind, long offset) {
        this(kind, offset, null);
    }

    public static FrameBound of(Kind kind) {
        return new FrameBound(kind, 0);
    }

    /** A RANGE bound {@code range} away from the current row's order key. */
    public static FrameBound range(Kind kind, RangeOffset range) {
        return new FrameBound(kind, 0, java.util.Objects.requireNonNull(range, "range"));
    }

    public boolean isValueOffset() {
        return range != null;
    }
}
