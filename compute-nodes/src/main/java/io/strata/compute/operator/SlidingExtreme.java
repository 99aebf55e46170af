package io.strata.compute.operator;

import io.strata.compute.expression.Column;

/**
 * MIN or MAX over a sliding frame with a monotonic deque: the positions of the frame's rows that no later row
 * beats, best first. A row entering drops the rows it beats from the back; the front leaves with its row.
 * Each position enters and leaves once, so a partition costs O(n); the deque never holds more than the
 * positions added since the last reset (at most {@code order.length}). NULLs are skipped; strings compare
 * under the collation, as ORDER BY does.
 */
final class SlidingExtreme implements FrameAggregate {
    private final Column argument;
    private final int[] order;
    private final boolean max;
    private final int[] deque;
    private int head;
    private int tail; // exclusive

    SlidingExtreme(Column argument, int[] order, boolean max) {
        this.argument = argument;
        this.order = order;
        this.max = max;
        this.deque = new int[order.length];
    }

    @Override
    public void reset() {
        head = 0;
        tail = 0;
    }

    @Override
    public void add(int position) {
        int row = order[position];
        if (argument.isNull(row)) {
            return;
        }
        while (tail > head && !beats(order[deque[tail - 1]], row)) {
            tail--;
        }
        deque[tail++] = position;
    }

    /** Whether {@code kept} stays ahead of {@code entering}: strictly better (ties keep the later row). */
    private boolean beats(int kept, int entering) {
        int order = RowComparator.compareValues(argument, kept, argument, entering);
        return max ? order > 0 : order < 0;
    }

    @Override
    public void remove(int position) {
        if (tail > head && deque[head] == position) {
            head++;
        }
    }

    @Override
    public Object result() {
        return tail > head ? argument.get(order[deque[head]]) : null;
    }
}
