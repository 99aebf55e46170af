package io.strata.txn.mvcc;

import java.math.BigDecimal;
import java.time.temporal.Temporal;

/**
 * Orders a column value (a zone map's min or max, or a row's value) against a range bound, for
 * {@link ZonePruner} and {@link RangeSelector}. Integers and decimals compare exactly; when either
 * side is floating both compare as doubles (rounding never turns a strict order around, and
 * -0.0 equals 0.0); temporal values compare within one class. Anything else, and NaN, answers 0:
 * "cannot tell", which keeps the block or row.
 */
final class BoundOrder {
    private BoundOrder() {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object value, Object bound) {
        if (value instanceof Number a && bound instanceof Number b) {
            if (a instanceof Double || a instanceof Float || b instanceof Double || b instanceof Float) {
                double x = a.doubleValue();
                double y = b.doubleValue();
                return x < y ? -1 : x > y ? 1 : 0; // NaN: neither, so 0
            }
            return decimal(a).compareTo(decimal(b));
        }
        if (value instanceof Temporal && value.getClass() == bound.getClass()) {
            return ((Comparable) value).compareTo(bound);
        }
        return 0;
    }

    private static BigDecimal decimal(Number number) {
        if (number instanceof BigDecimal d) {
            return d;
        }
        return number instanceof java.math.BigInteger big ? new BigDecimal(big) : BigDecimal.valueOf(number.longValue());
    }
}
