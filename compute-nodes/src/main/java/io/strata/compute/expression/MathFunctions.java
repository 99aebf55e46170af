package io.strata.compute.expression;

import io.strata.common.type.DataType;
import io.strata.common.type.TypeKind;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * ABS, ROUND, TRUNCATE, FLOOR, CEIL. Exact inputs stay exact (ROUND of a DECIMAL rounds half away from zero);
 * DOUBLE rounds half to even as MySQL's {@code rint} does. Results are in the argument's domain; the
 * evaluator converts them to the call's type.
 */
final class MathFunctions {
    private MathFunctions() {}

    static Column apply(ScalarFunction function, Column[] arguments, DataType type, int size) {
        Column x = arguments[0];
        TypeKind kind = x.type().kind();
        if (kind.isInteger()) {
            return integers(function, x, arguments.length > 1 ? arguments[1] : null, size);
        }
        if (kind == TypeKind.DECIMAL) {
            return decimals(function, x, arguments.length > 1 ? arguments[1] : null, type, size);
        }
        return doubles(function, ColumnCaster.cast(x, DataType.DOUBLE), arguments.length > 1 ? arguments[1] : null, size);
    }

    private static Column places(Column digits, int size) {
        return digits == null ? Column.constant(0L, DataType.BIGINT, size) : ColumnCaster.cast(digits, DataType.BIGINT);
    }

    private static Column integers(ScalarFunction function, Column x, Column digits, int size) {
        Column d = places(digits, size);
        Column out = Column.allocate(DataType.BIGINT, size);
        for (int i = 0; i < size; i++) {
            if (x.isNull(i) || d.isNull(i)) {
                out.nulls()[i] = true;
                continue;
            }
            long value = x.longs()[i];
            out.longs()[i] = switch (function) {
                case ABS -> {
                    if (value == Long.MIN_VALUE) {
                        throw Arithmetic.outOfRange("BIGINT", null);
                    }
                    yield Math.abs(value);
                }
                case ROUND, TRUNCATE -> d.longs()[i] >= 0 ? value : BigDecimal.valueOf(value)
                        .setScale((int) Math.max(d.longs()[i], -30),
                                function == ScalarFunction.ROUND ? RoundingMode.HALF_UP : RoundingMode.DOWN).longValue();
                default -> value; // FLOOR, CEIL of an integer
            };
        }
        return out;
    }

    private static Column decimals(ScalarFunction function, Column x, Column digits, DataType type, int size) {
        Column d = places(digits, size);
        int scale = type.kind() == TypeKind.DECIMAL ? type.scale() : 10;
        Column out = Column.allocate(DataType.decimal(38, Math.min(scale, 38)), size);
        for (int i = 0; i < size; i++) {
            if (x.isNull(i) || d.isNull(i)) {
                out.nulls()[i] = true;
                continue;
            }
            BigDecimal value = (BigDecimal) x.objects()[i];
            out.objects()[i] = switch (function) {
                case ABS -> value.abs();
                case ROUND -> value.setScale((int) Math.max(Math.min(d.longs()[i], 30), -30), RoundingMode.HALF_UP);
                case TRUNCATE -> value.setScale((int) Math.max(Math.min(d.longs()[i], 30), -30), RoundingMode.DOWN);
                case FLOOR -> value.setScale(0, RoundingMode.FLOOR);
                case CEIL -> value.setScale(0, RoundingMode.CEILING);
                default -> throw new IllegalArgumentException("not a math function: " + function);
            };
        }
        return out;
    }

    private static Column doubles(ScalarFunction function, Column x, Column digits, int size) {
        Column d = places(digits, size);
        Column out = Column.allocate(DataType.DOUBLE, size);
        for (int i = 0; i < size; i++) {
            if (x.isNull(i) || d.isNull(i)) {
                out.nulls()[i] = true;
                continue;
            }
            double value = x.doubles()[i];
            out.doubles()[i] = switch (function) {
                case ABS -> Math.abs(value);
                case ROUND -> round(value, d.longs()[i]);
                case TRUNCATE -> truncate(value, d.longs()[i]);
                case FLOOR -> Math.floor(value);
                case CEIL -> Math.ceil(value);
                default -> throw new IllegalArgumentException("not a math function: " + function);
            };
        }
        return out;
    }

    private static double round(double value, long digits) {
        double scale = Math.pow(10, Math.max(Math.min(digits, 308), -308));
        double scaled = value * scale;
        if (Double.isInfinite(scaled)) {
            return value;
        }
        return Math.rint(scaled) / scale;
    }

    /** Toward zero at {@code digits} decimal places (negative: left of the point), as MySQL's my_double_round. */
    private static double truncate(double value, long digits) {
        double scale = Math.pow(10, Math.max(Math.min(digits, 308), -308));
        double scaled = value * scale;
        if (Double.isInfinite(scaled)) {
            return value;
        }
        double truncated = scaled < 0 ? Math.ceil(scaled) : Math.floor(scaled);
        return truncated / scale;
    }

    /** SIGN and the floating-point functions, computed as doubles (SIGN converted to the call type afterwards). */
    static Column applyDouble(ScalarFunction function, Column[] arguments, int size) {
        Column x = ColumnCaster.cast(arguments[0], DataType.DOUBLE);
        Column y = arguments.length > 1 ? ColumnCaster.cast(arguments[1], DataType.DOUBLE) : null;
        Column out = Column.allocate(DataType.DOUBLE, size);
        for (int i = 0; i < size; i++) {
            if (x.isNull(i) || y != null && y.isNull(i)) {
                out.nulls()[i] = true;
                continue;
            }
            double value = x.doubles()[i];
            double result = switch (function) {
                case SIGN -> Math.signum(value);
                case POWER -> Math.pow(value, y.doubles()[i]);
                case SQRT -> value < 0 ? Double.NaN : Math.sqrt(value);
                case EXP -> Math.exp(value);
                case LN -> value <= 0 ? Double.NaN : Math.log(value);
                case LOG10 -> value <= 0 ? Double.NaN : Math.log10(value);
                default -> throw new IllegalArgumentException("not a floating-point function: " + function);
            };
            if (Double.isNaN(result)) {
                out.nulls()[i] = true;
            } else if (Double.isInfinite(result)) {
                throw new io.strata.common.error.StrataException(io.strata.common.error.ErrorCode.ER_DATA_OUT_OF_RANGE,
                        "DOUBLE value is out of range in '" + function.name().toLowerCase(java.util.Locale.ROOT) + "'");
            } else {
                out.doubles()[i] = result;
            }
        }
        return out;
    }
}
