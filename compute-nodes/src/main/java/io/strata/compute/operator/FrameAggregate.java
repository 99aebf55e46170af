package io.strata.compute.operator;

/**
 * An aggregate over a window frame that slides forward: rows enter at the frame's end and leave at its start,
 * each at most once per partition, so a whole partition costs O(n) calls. Positions are in window order.
 */
interface FrameAggregate {
    /** Empties the frame (a new partition, or a frame that jumped). */
    void reset();

    /** The row at {@code position} entered the frame. */
    void add(int position);

    /** The row at {@code position}, the frame's first, left it. */
    void remove(int position);

    /** The aggregate of the rows now in the frame. */
    Object result();
}
