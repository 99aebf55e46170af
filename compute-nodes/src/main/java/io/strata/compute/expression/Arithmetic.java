package io.strata.compute.expression;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.type.DataType;
import io.strata.common.type.TypeKind;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Arithmetic in the domain of the call's result type, as MySQL computes it: integers exactly with
 * overflow as error 1690, DECIMAL exactly at the result's scale, DOUBLE in floating point. Division
 * and modulo by zero give NULL.
 */
final class Arithmetic {
    private Arithmetic() {}

    static Column apply(ScalarFunction function, Column[] arguments, DataType type) {
        TypeKind kind = type.kind();
        if (function == ScalarFunction.NEGATE) {
            return negate(arguments[0], type);
        }
        if (kind.isInteger()) {
            if (isIntegerColumn(arguments[0]) && isIntegerColumn(arguments[1])) {
                return integers(function, arguments[0], arguments[1], type);
            }
            // e.g. 7.5 DIV 2: compute exactly, then truncate toward zero
            Column exact = decimals(function == ScalarFunction.INT_DIVIDE ? ScalarFunction.DIVIDE : function,
                    arguments[0], arguments[1], DataType.decimal(38, 10));
            return truncateToInteger(exact, type);
        }
        return switch (kind) {
            case DECIMAL -> decimals(function, arguments[0], arguments[1], type);
            case FLOAT, DOUBLE -> doubles(function, arguments[0], arguments[1], type);
            default -> throw StrataException.of(ErrorCode.ER_NOT_SUPPORTED_YET, "arithmetic with result type %s", type.toSql());
        };
    }

    private static boolean isIntegerColumn(Column column) {
        return column.type().kind().isInteger();
    }

    private static Column integers(ScalarFunction function, Column left, Column right, DataType type) {
        int size = left.size();
        Column out = Column.allocate(type, size);
        long[] a = left.longs();
        long[] b = right.longs();
        long[] result = out.longs();
        boolean[] nulls = out.nulls();
        for (int i = 0; i < size; i++) {
            if (left.isNull(i) || right.isNull(i)) {
                nulls[i] = true;
                continue;
            }
            try {
                switch (function) {
                    case PLUS -> result[i] = Math.addExact(a[i], b[i]);
                    case MINUS -> result[i] = Math.subtractExact(a[i], b[i]);
                    case MULTIPLY -> result[i] = Math.multiplyExact(a[i], b[i]);
                    case INT_DIVIDE, DIVIDE -> {
                        if (b[i] == 0) {
                            nulls[i] = true;
                        } else if (a[i] == Long.MIN_VALUE && b[i] == -1) {
                            throw new ArithmeticException("overflow");
                        } else {
                            result[i] = a[i] / b[i];
                        }
                    }
                    case MOD -> {
                        if (b[i] == 0) {
                            nulls[i] = true;
                        } else {
                            result[i] = b[i] == -1 ? 0 : a[i] % b[i];
                        }
                    }
                    default -> throw new IllegalArgumentException("not arithmetic: " + function);
                }
            } catch (ArithmeticException e) {
                throw outOfRange("BIGINT", e);
            }
            checkRange(result[i], type);
        }
        return out;
    }

    static StrataException outOfRange(String typeName, Throwable cause) {
        return new StrataException(ErrorCode.ER_DATA_OUT_OF_RANGE, typeName + " value is out of range", cause);
    }

    private static void checkRange(long value, DataType type) {
        boolean fits = switch (type.kind()) {
            case TINYINT -> value == (byte) value;
            case SMALLINT -> value == (short) value;
            case INT -> value == (int) value;
            default -> true;
        };
        if (!fits) {
            throw new StrataException(ErrorCode.ER_DATA_OUT_OF_RANGE, type.kind().name() + " value is out of range");
        }
    }

    private static Column decimals(ScalarFunction function, Column left, Column right, DataType type) {
        if (Column.fitsUnscaled(type) && (function == ScalarFunction.PLUS || function == ScalarFunction.MINUS
                || function == ScalarFunction.MULTIPLY)) {
            Column fast = scaledDecimals(function, left, right, type);
            if (fast != null) {
                return fast;
            }
        }
        int size = left.size();
        Column out = Column.allocate(type, size);
        Column l = asExact(left);
        Column r = asExact(right);
        for (int i = 0; i < size; i++) {
            if (l.isNull(i) || r.isNull(i)) {
                out.nulls()[i] = true;
                continue;
            }
            BigDecimal a = Comparisons.decimal(l, i);
            BigDecimal b = Comparisons.decimal(r, i);
            BigDecimal value = switch (function) {
                case PLUS -> a.add(b);
                case MINUS -> a.subtract(b);
                case MULTIPLY -> a.multiply(b);
                case DIVIDE -> b.signum() == 0 ? null : a.divide(b, type.scale(), RoundingMode.HALF_UP);
                case MOD -> b.signum() == 0 ? null : a.remainder(b);
                default -> throw new IllegalArgumentException("not decimal arithmetic: " + function);
            };
            if (value == null) {
                out.nulls()[i] = true;
            } else {
                out.objects()[i] = Column.fitDecimal(value, type);
            }
        }
        return out;
    }

    /**
     * +, - and * over integers and DECIMALs held as longs, exactly, then rounded to the result's scale
     * as the BigDecimal path rounds; null when an input is held otherwise or a long would overflow (the
     * BigDecimal path then computes, or reports the value out of range).
     */
    private static Column scaledDecimals(ScalarFunction function, Column left, Column right, DataType type) {
        ScaledLongs a = ScaledLongs.of(left);
        ScaledLongs b = ScaledLongs.of(right);
        if (a == null || b == null) {
            return null;
        }
        int size = left.size();
        boolean[] nulls = new boolean[size];
        for (int i = 0; i < size; i++) {
            nulls[i] = left.isNull(i) || right.isNull(i);
        }
        int scale = function == ScalarFunction.MULTIPLY ? a.scale() + b.scale() : Math.max(a.scale(), b.scale());
        if (scale - Math.min(a.scale(), b.scale()) > 18) {
            return null;
        }
        long[] exact = new long[size];
        try {
            long[] x = function == ScalarFunction.MULTIPLY ? a.values() : a.rescaledUp(scale, nulls, size);
            long[] y = function == ScalarFunction.MULTIPLY ? b.values() : b.rescaledUp(scale, nulls, size);
            for (int i = 0; i < size; i++) {
                if (!nulls[i]) {
                    exact[i] = switch (function) {
                        case PLUS -> Math.addExact(x[i], y[i]);
                        case MINUS -> Math.subtractExact(x[i], y[i]);
                        default -> Math.multiplyExact(x[i], y[i]);
                    };
                }
            }
        } catch (ArithmeticException e) {
            return null;
        }
        return new ScaledLongs(exact, scale).toDecimal(type, nulls, size);
    }

    /** Integers and decimals stay as they are; anything else is read as a DECIMAL. */
    private static Column asExact(Column column) {
        TypeKind kind = column.type().kind();
        if (kind.isInteger() || kind == TypeKind.DECIMAL) {
            return column;
        }
        return ColumnCaster.cast(column, DataType.decimal(38, 10));
    }

    private static Column doubles(ScalarFunction function, Column left, Column right, DataType type) {
        int size = left.size();
        Column l = ColumnCaster.cast(left, DataType.DOUBLE);
        Column r = ColumnCaster.cast(right, DataType.DOUBLE);
        Column out = Column.allocate(type, size);
        double[] a = l.doubles();
        double[] b = r.doubles();
        double[] result = out.doubles();
        for (int i = 0; i < size; i++) {
            if (l.isNull(i) || r.isNull(i)) {
                out.nulls()[i] = true;
                continue;
            }
            double value = switch (function) {
                case PLUS -> a[i] + b[i];
                case MINUS -> a[i] - b[i];
                case MULTIPLY -> a[i] * b[i];
                case DIVIDE -> b[i] == 0 ? Double.NaN : a[i] / b[i];
                case MOD -> b[i] == 0 ? Double.NaN : a[i] % b[i];
                case INT_DIVIDE -> b[i] == 0 ? Double.NaN : (double) (long) (a[i] / b[i]);
                default -> throw new IllegalArgumentException("not arithmetic: " + function);
            };
            if (Double.isNaN(value)) {
                out.nulls()[i] = true;
            } else if (Double.isInfinite(value)) {
                throw new StrataException(ErrorCode.ER_DATA_OUT_OF_RANGE, "DOUBLE value is out of range");
            } else {
                result[i] = value;
            }
        }
        return out;
    }

    private static Column negate(Column argument, DataType type) {
        int size = argument.size();
        if (type.kind().isInteger() && argument.type().kind().isInteger()) {
            Column out = Column.allocate(type, size);
            for (int i = 0; i < size; i++) {
                out.nulls()[i] = argument.isNull(i);
                if (!argument.isNull(i)) {
                    if (argument.longs()[i] == Long.MIN_VALUE) {
                        throw outOfRange("BIGINT", null);
                    }
                    out.longs()[i] = -argument.longs()[i];
                }
            }
            return out;
        }
        if (type.kind() == TypeKind.DECIMAL) {
            Column exact = asExact(argument);
            Column out = Column.allocate(type, size);
            for (int i = 0; i < size; i++) {
                out.nulls()[i] = exact.isNull(i);
                if (!exact.isNull(i)) {
                    out.objects()[i] = Column.fitDecimal(Comparisons.decimal(exact, i).negate(), type);
                }
            }
            return out;
        }
        Column doubles = ColumnCaster.cast(argument, DataType.DOUBLE);
        Column out = Column.allocate(type, size);
        for (int i = 0; i < size; i++) {
            out.nulls()[i] = doubles.isNull(i);
            out.doubles()[i] = -doubles.doubles()[i];
        }
        return out;
    }

    private static Column truncateToInteger(Column exact, DataType type) {
        Column out = Column.allocate(type, exact.size());
        for (int i = 0; i < exact.size(); i++) {
            out.nulls()[i] = exact.isNull(i);
            if (!exact.isNull(i)) {
                BigDecimal truncated = ((BigDecimal) exact.objects()[i]).setScale(0, RoundingMode.DOWN);
                if (truncated.toBigInteger().bitLength() > 63) {
                    throw outOfRange("BIGINT", null);
                }
                out.longs()[i] = truncated.longValue();
                checkRange(out.longs()[i], type);
            }
        }
        return out;
    }
}
