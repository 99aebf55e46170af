package io.strata.txn.mvcc;

/**
 * The zone map of one column over some rows (an object block or a logtail segment): min and max of the
 * non-null values (null when there is none or the values cannot be ordered), and the null count. When
 * both bounds are integers, {@code integral} is set and {@code minLong}/{@code maxLong} hold them, so
 * that pruning by integer keys compares primitives.
 */
record Zone(Object min, Object max, int nullCount, int rowCount, boolean integral, long minLong, long maxLong) {
    static Zone of(Object min, Object max, int nullCount, int rowCount) {
        boolean integral = isIntegral(min) && isIntegral(max);
        return new Zone(min, max, nullCount, rowCount, integral,
                integral ? ((Number) min).longValue() : 0, integral ? ((Number) max).longValue() : 0);
    }

    private static boolean isIntegral(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte;
    }
}
