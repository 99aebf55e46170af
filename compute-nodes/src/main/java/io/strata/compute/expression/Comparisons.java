package io.strata.compute.expression;

import io.strata.common.type.DataType;
import io.strata.common.type.StringCollation;
import io.strata.common.type.TypeKind;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Comparison operators with MySQL's conversions: numbers compare as integers, decimals or doubles;
 * strings compare under {@link StringCollation}; a string against a number compares as doubles;
 * temporal values against strings parse the string; DATE against DATETIME compares as DATETIME.
 */
public final class Comparisons {
    private static final DataType DATETIME6 = DataType.datetime(6);

    private Comparisons() {}

    static Column apply(ScalarFunction function, Column[] arguments, int size) {
        return switch (function) {
            case EQUALS, NOT_EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL ->
                    compareOperator(function, arguments[0], arguments[1]);
            case BETWEEN -> Logic.and(new Column[] {
                    compareOperator(ScalarFunction.GREATER_THAN_OR_EQUAL, arguments[0], arguments[1]),
                    compareOperator(ScalarFunction.LESS_THAN_OR_EQUAL, arguments[0], arguments[2])}, size);
            case IN -> {
                Column[] equalities = new Column[arguments.length - 1];
                for (int i = 1; i < arguments.length; i++) {
                    equalities[i - 1] = compareOperator(ScalarFunction.EQUALS, arguments[0], arguments[i]);
                }
                yield Logic.or(equalities, size);
            }
            case IS_NOT_DISTINCT_FROM, IS_DISTINCT_FROM -> nullSafeEquals(arguments[0], arguments[1],
                    function == ScalarFunction.IS_DISTINCT_FROM);
            default -> throw new IllegalArgumentException("not a comparison: " + function);
        };
    }

    /** {@code a <=> b}: true when both are NULL or both are equal, false otherwise (negated on request). */
    private static Column nullSafeEquals(Column left, Column right, boolean negated) {
        Column equal = compareOperator(ScalarFunction.EQUALS, left, right);
        Column out = Column.allocate(DataType.BOOLEAN, left.size());
        for (int i = 0; i < left.size(); i++) {
            boolean same = left.isNull(i) || right.isNull(i) ? left.isNull(i) && right.isNull(i)
                    : !equal.isNull(i) && equal.longs()[i] != 0;
            out.longs()[i] = same != negated ? 1 : 0;
        }
        return out;
    }

    static Column compareOperator(ScalarFunction function, Column left, Column right) {
        int size = left.size();
        Column out = Column.allocate(DataType.BOOLEAN, size);
        int[] order = new int[size];
        compare(left, right, order, out.nulls());
        for (int i = 0; i < size; i++) {
            int c = order[i];
            boolean value = switch (function) {
                case EQUALS -> c == 0;
                case NOT_EQUALS -> c != 0;
                case LESS_THAN -> c < 0;
                case LESS_THAN_OR_EQUAL -> c <= 0;
                case GREATER_THAN -> c > 0;
                case GREATER_THAN_OR_EQUAL -> c >= 0;
                default -> throw new IllegalArgumentException("not a comparison: " + function);
            };
            out.longs()[i] = value ? 1 : 0;
        }
        return out;
    }

    /**
     * Compares {@code left[i]} with {@code right[i]} into {@code order[i]} (sign only); sets
     * {@code nulls[i]} where either side is NULL or cannot be converted for the comparison.
     */
    public static void compare(Column left, Column right, int[] order, boolean[] nulls) {
        if (left.type().kind() == TypeKind.JSON || right.type().kind() == TypeKind.JSON) {
            io.strata.compute.expression.json.JsonColumnComparison.compare(left, right, order, nulls);
            return;
        }
        DataType common = commonType(left.type(), right.type());
        int size = left.size();
        if (common.kind() == TypeKind.NULL) {
            Arrays.fill(nulls, 0, size, true);
            return;
        }
        Column l = common.kind() == TypeKind.DECIMAL ? left : ColumnCaster.cast(left, common);
        Column r = common.kind() == TypeKind.DECIMAL ? right : ColumnCaster.cast(right, common);
        for (int i = 0; i < size; i++) {
            nulls[i] = l.isNull(i) || r.isNull(i);
        }
        if (common.kind() == TypeKind.DECIMAL && compareScaled(l, r, order, nulls, size)) {
            return;
        }
        switch (Column.representation(common.kind())) {
            case LONG -> {
                long[] a = l.longs();
                long[] b = r.longs();
                for (int i = 0; i < size; i++) {
                    order[i] = Long.compare(a[i], b[i]);
                }
            }
            case DOUBLE -> {
                double[] a = l.doubles();
                double[] b = r.doubles();
                for (int i = 0; i < size; i++) {
                    order[i] = Double.compare(a[i], b[i]);
                }
            }
            case OBJECT -> {
                if (common.kind() == TypeKind.TEXT && (l.utf8() != null || r.utf8() != null)) {
                    compareUtf8(l, r, order, nulls, size);
                    return;
                }
                for (int i = 0; i < size; i++) {
                    if (!nulls[i]) {
                        order[i] = compareObjects(common.kind(), l, r, i);
                    }
                }
            }
        }
    }

    /**
     * Compares strings where at least one side is held as UTF-8 (read from a vector), without a String per
     * row: the other side's Strings (usually one constant) are encoded once each.
     */
    private static void compareUtf8(Column l, Column r, int[] order, boolean[] nulls, int size) {
        Utf8Rows left = new Utf8Rows(l);
        Utf8Rows right = new Utf8Rows(r);
        for (int i = 0; i < size; i++) {
            if (!nulls[i]) {
                left.load(i);
                right.load(i);
                order[i] = StringCollation.compareUtf8(left.bytes, left.from, left.to, right.bytes, right.from, right.to);
            }
        }
    }

    /** A string column's rows as UTF-8 ranges, one at a time: its own bytes, or its Strings encoded (reused while the same). */
    private static final class Utf8Rows {
        private final Column column;
        private Object lastString;
        byte[] bytes;
        int from;
        int to;

        Utf8Rows(Column column) {
            this.column = column;
        }

        void load(int row) {
            byte[] utf8 = column.utf8();
            if (utf8 != null) {
                bytes = utf8;
                from = column.utf8Starts()[row];
                to = column.utf8Starts()[row + 1];
                return;
            }
            Object value = column.objects()[row];
            if (value != lastString) {
                lastString = value;
                bytes = ((String) value).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                from = 0;
                to = bytes.length;
            }
        }
    }

    /** Compares integers and DECIMALs held as longs at one scale; false when either is held otherwise or overflows. */
    private static boolean compareScaled(Column left, Column right, int[] order, boolean[] nulls, int size) {
        ScaledLongs a = ScaledLongs.of(left);
        ScaledLongs b = ScaledLongs.of(right);
        if (a == null || b == null || Math.abs(a.scale() - b.scale()) > 18) {
            return false;
        }
        int scale = Math.max(a.scale(), b.scale());
        long[] x;
        long[] y;
        try {
            x = a.rescaledUp(scale, nulls, size);
            y = b.rescaledUp(scale, nulls, size);
        } catch (ArithmeticException e) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            order[i] = Long.compare(x[i], y[i]);
        }
        return true;
    }

    private static int compareObjects(TypeKind kind, Column l, Column r, int i) {
        return switch (kind) {
            case DECIMAL -> decimal(l, i).compareTo(decimal(r, i));
            case VARBINARY, BLOB -> Arrays.compareUnsigned((byte[]) l.objects()[i], (byte[]) r.objects()[i]);
            default -> StringCollation.compare((String) l.objects()[i], (String) r.objects()[i]);
        };
    }

    static BigDecimal decimal(Column column, int row) {
        return column.representation() == Column.Representation.LONG
                ? BigDecimal.valueOf(column.longs()[row]) : (BigDecimal) column.objects()[row];
    }

    /** The type both sides convert to before comparing (DECIMAL means: compare as BigDecimal, no cast). */
    static DataType commonType(DataType left, DataType right) {
        TypeKind a = left.kind();
        TypeKind b = right.kind();
        if (a == TypeKind.NULL || b == TypeKind.NULL) {
            return DataType.NULL;
        }
        if (isText(a) && isText(b)) {
            return isBinary(a) || isBinary(b) ? DataType.BLOB : DataType.TEXT;
        }
        if (a.isNumeric() && b.isNumeric()) {
            if (a == TypeKind.FLOAT || a == TypeKind.DOUBLE || b == TypeKind.FLOAT || b == TypeKind.DOUBLE) {
                return DataType.DOUBLE;
            }
            return a == TypeKind.DECIMAL || b == TypeKind.DECIMAL ? DataType.decimal(38, 0) : DataType.BIGINT;
        }
        if (a.isTemporal() && b.isTemporal()) {
            if (a == b && a == TypeKind.DATE) {
                return DataType.DATE;
            }
            return a == b && a == TypeKind.TIME ? new DataType(TypeKind.TIME, 6, 0) : DATETIME6;
        }
        if (a.isTemporal() && isText(b) || b.isTemporal() && isText(a)) {
            TypeKind temporal = a.isTemporal() ? a : b;
            return temporal == TypeKind.TIME ? new DataType(TypeKind.TIME, 6, 0) : DATETIME6;
        }
        if (a.isString() && b.isString()) {
            return DataType.TEXT;
        }
        if (a.isNumeric() || b.isNumeric() || a.isTemporal() || b.isTemporal()) {
            return DataType.DOUBLE;
        }
        return DataType.TEXT;
    }

    private static boolean isText(TypeKind kind) {
        return kind.isString() || isBinary(kind);
    }

    private static boolean isBinary(TypeKind kind) {
        return kind == TypeKind.VARBINARY || kind == TypeKind.BLOB;
    }

    /** GREATEST / LEAST: each row's largest or smallest argument, compared and returned as {@code type}. */
    static Column extreme(boolean greatest, Column[] arguments, DataType type, int size) {
        Column first = ColumnCaster.cast(arguments[0], type);
        Object[] values = new Object[size];
        for (int i = 0; i < size; i++) {
            values[i] = first.get(i);
        }
        Column best = Column.fromValues(type, values);
        int[] order = new int[size];
        boolean[] nulls = new boolean[size];
        for (int a = 1; a < arguments.length; a++) {
            Column candidate = ColumnCaster.cast(arguments[a], type);
            compare(candidate, best, order, nulls);
            for (int i = 0; i < size; i++) {
                if (nulls[i]) {
                    best.nulls()[i] = true; // any NULL argument makes the result NULL
                } else if (greatest ? order[i] > 0 : order[i] < 0) {
                    best.set(i, candidate.get(i));
                }
            }
        }
        return best;
    }
}
