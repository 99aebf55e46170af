package io.strata.compute.operator;

/**
 * Sorts row indexes by a comparator of rows, stably, without boxing them: a merge sort over int
 * arrays with insertion sort for short runs (java.util sorts int[] only by value, and Integer[] by
 * comparator, an object per row).
 */
final class StableIntSort {
    /** Orders rows by their indexes. */
    @FunctionalInterface
    interface RowOrder {
        int compare(int left, int right);
    }

    private static final int INSERTION_RUN = 24;

    private StableIntSort() {}

    /** Sorts {@code rows} by {@code order}; rows that compare equal keep their relative order. */
    static void sort(int[] rows, RowOrder order) {
        if (rows.length < 2) {
            return;
        }
        int[] scratch = rows.clone();
        mergeSort(scratch, rows, 0, rows.length, order);
    }

    /** Sorts {@code source[from, to)} into {@code target[from, to)}; both start with the same contents. */
    private static void mergeSort(int[] source, int[] target, int from, int to, RowOrder order) {
        int length = to - from;
        if (length <= INSERTION_RUN) {
            insertionSort(target, from, to, order);
            return;
        }
        int middle = (from + to) >>> 1;
        mergeSort(target, source, from, middle, order);
        mergeSort(target, source, middle, to, order);
        if (order.compare(source[middle - 1], source[middle]) <= 0) {
            System.arraycopy(source, from, target, from, length); // already in order
            return;
        }
        int left = from;
        int right = middle;
        for (int i = from; i < to; i++) {
            if (right >= to || left < middle && order.compare(source[left], source[right]) <= 0) {
                target[i] = source[left++];
            } else {
                target[i] = source[right++];
            }
        }
    }

    private static void insertionSort(int[] rows, int from, int to, RowOrder order) {
        for (int i = from + 1; i < to; i++) {
            int row = rows[i];
            int j = i - 1;
            while (j >= from && order.compare(rows[j], row) > 0) {
                rows[j + 1] = rows[j];
                j--;
            }
            rows[j + 1] = row;
        }
    }
}
