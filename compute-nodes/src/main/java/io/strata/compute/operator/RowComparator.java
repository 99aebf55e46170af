package io.strata.compute.operator;

import io.strata.common.type.StringCollation;
import io.strata.compute.expression.Column;
import io.strata.compute.plan.SortKey;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * Orders rows of one batch by sort keys: each key ascending or descending with NULLs first or last
 * as the key says; strings under {@link StringCollation}.
 */
final class RowComparator {
    private final Column[] columns;
    private final SortKey[] keys;

    RowComparator(Column[] columns, List<SortKey> keys) {
        this.columns = columns;
        this.keys = keys.toArray(SortKey[]::new);
    }

    int compare(int left, int right) {
        return compare(columns, left, columns, right, keys);
    }

    /** Orders row {@code i} of key columns {@code a} against row {@code j} of key columns {@code b} (same types). */
    static int compare(Column[] a, int i, Column[] b, int j, SortKey[] keys) {
        for (int k = 0; k < keys.length; k++) {
            SortKey key = keys[k];
            boolean leftNull = a[k].isNull(i);
            boolean rightNull = b[k].isNull(j);
            if (leftNull || rightNull) {
                if (leftNull && rightNull) {
                    continue;
                }
                // NULL placement does not flip with DESC: the key says where NULLs go.
                return leftNull == key.nullsFirst() ? -1 : 1;
            }
            int order = compareValues(a[k], i, b[k], j);
            if (order != 0) {
                return key.descending() ? -order : order;
            }
        }
        return 0;
    }

    /** Compares non-NULL values of two columns of the same type. */
    static int compareValues(Column a, int i, Column b, int j) {
        return switch (a.representation()) {
            case LONG -> Long.compare(a.longs()[i], b.longs()[j]);
            case DOUBLE -> Double.compare(a.doubles()[i], b.doubles()[j]);
            case OBJECT -> a.utf8() != null && b.utf8() != null
                    ? StringCollation.compareUtf8(a.utf8(), a.utf8Starts()[i], a.utf8Starts()[i + 1],
                            b.utf8(), b.utf8Starts()[j], b.utf8Starts()[j + 1])
                    : compareObjects(a.objects()[i], b.objects()[j]);
        };
    }

    static int compareObjects(Object x, Object y) {
        return switch (x) {
            case BigDecimal d -> d.compareTo((BigDecimal) y);
            case String s -> StringCollation.compare(s, (String) y);
            case byte[] bytes -> Arrays.compareUnsigned(bytes, (byte[]) y);
            case float[] floats -> Arrays.compare(floats, (float[]) y);
            case double[] doubles -> Arrays.compare(doubles, (double[]) y);
            default -> x.toString().compareTo(y.toString());
        };
    }
}
