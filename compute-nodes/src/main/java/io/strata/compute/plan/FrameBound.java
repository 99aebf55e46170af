package io.strata.compute.plan;

/** One end of a window frame; {@code offset} counts rows for PRECEDING and FOLLOWING, else 0. */
public record FrameBound(Kind kind, long offset) {
    public enum Kind { UNBOUNDED_PRECEDING, PRECEDING, CURRENT_ROW, FOLLOWING, UNBOUNDED_FOLLOWING }

    public FrameBound {
        if (offset < 0) {
            throw new IllegalArgumentException("negative frame offset " + offset);
        }
    }

    public static FrameBound of(Kind kind) {
        return new FrameBound(kind, 0);
    }
}
