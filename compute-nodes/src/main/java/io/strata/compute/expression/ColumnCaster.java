package io.strata.compute.expression;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.type.DataType;
import io.strata.common.type.TypeKind;
import io.strata.compute.expression.json.JsonCast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * Converts a column to another SQL type. Two modes, as in MySQL: {@link #cast} follows CAST and
 * implicit conversion (unparsable strings become 0, or NULL for temporal types; out-of-range values
 * saturate), {@link #castForColumn} follows storing into a column in strict mode (unparsable or
 * out-of-range values are errors that name the column and row).
 */
public final class ColumnCaster {
    /** Where strict conversion stores: the column's name and the 1-based number of the first row. */
    private record Store(String columnName, long firstRowNumber) {}

    private final DataType target;
    private final Store store;

    private ColumnCaster(DataType target, Store store) {
        this.target = target;
        this.store = store;
    }

    /** CAST semantics (lenient). Returns {@code input} itself when it already has the target type. */
    public static Column cast(Column input, DataType target) {
        if (input.type().equals(target)) {
            return input;
        }
        if (needsNoConversion(input.type(), target)) {
            return input.viewAs(target);
        }
        if (Column.fitsUnscaled(target)) {
            ScaledLongs exact = ScaledLongs.of(input);
            Column fast = exact == null || input.type().kind() == TypeKind.BOOLEAN ? null
                    : exact.toDecimal(target, input.nulls(), input.size());
            if (fast != null) {
                return fast;
            }
        }
        return new ColumnCaster(target, null).convert(input);
    }

    /** Casts that leave every value as it is: widening to BIGINT, between strings (CAST never truncates here). */
    private static boolean needsNoConversion(DataType from, DataType to) {
        TypeKind source = from.kind();
        TypeKind target = to.kind();
        if (target == TypeKind.BIGINT) {
            return source == TypeKind.TINYINT || source == TypeKind.SMALLINT || source == TypeKind.INT;
        }
        return source.isString() && (target == TypeKind.VARCHAR || target == TypeKind.TEXT);
    }

    /** Strict store semantics for column {@code columnName}; {@code firstRowNumber} is the 1-based row of row 0. */
    public static Column castForColumn(Column input, DataType target, String columnName, long firstRowNumber) {
        if (input.type().equals(target) && !hasLengthLimit(target)) {
            return input;
        }
        return new ColumnCaster(target, new Store(columnName, firstRowNumber)).convert(input);
    }

    private static boolean hasLengthLimit(DataType type) {
        return type.precision() > 0 && (type.kind() == TypeKind.VARCHAR || type.kind() == TypeKind.CHAR
                || type.kind() == TypeKind.VARBINARY);
    }

    private Column convert(Column input) {
        Column output = Column.allocate(target, input.size());
        if (target.kind() == TypeKind.NULL) {
            return output;
        }
        for (int i = 0; i < input.size(); i++) {
            if (input.isNull(i)) {
                output.nulls()[i] = true;
                continue;
            }
            switch (output.representation()) {
                case LONG -> convertToLong(input, i, output);
                case DOUBLE -> output.doubles()[i] = toDouble(input, i);
                case OBJECT -> convertToObject(input, i, output);
            }
        }
        return output;
    }

    private void convertToLong(Column input, int row, Column output) {
        switch (target.kind()) {
            case DATE -> setTemporal(output, row, TemporalConversions.toDate(input, row), "date", input);
            case DATETIME, TIMESTAMP -> setTemporal(output, row, truncateFraction(TemporalConversions.toDateTime(input, row)), "datetime", input);
            case TIME -> setTemporal(output, row, truncateFraction(TemporalConversions.toTime(input, row)), "time", input);
            default -> output.longs()[row] = fitInteger(toInteger(input, row), input, row);
        }
    }

    private void setTemporal(Column output, int row, long value, String typeName, Column input) {
        if (value == TemporalParser.INVALID) {
            if (store != null) {
                throw StrataException.of(ErrorCode.ER_TRUNCATED_WRONG_VALUE, "Incorrect %s value: '%s' for column '%s' at row %d",
                        typeName, ValueFormatter.format(input, row), store.columnName(), store.firstRowNumber() + row);
            }
            output.nulls()[row] = true;
            return;
        }
        output.longs()[row] = value;
    }

    private long truncateFraction(long micros) {
        if (micros == TemporalParser.INVALID || target.precision() >= 6) {
            return micros;
        }
        long unit = (long) Math.pow(10, 6 - target.precision());
        return Math.floorDiv(micros, unit) * unit;
    }

    /**
     * The value as an integer: strings by their numeric prefix, DECIMAL fractions rounded half away from
     * zero, DOUBLE ones to the nearest, halves to the even neighbour (MySQL converts doubles with rint).
     */
    private long toInteger(Column input, int row) {
        TypeKind kind = input.type().kind();
        if (kind.isInteger()) {
            return input.longs()[row];
        }
        if (kind.isTemporal()) {
            return TemporalConversions.asNumber(input, row);
        }
        return switch (kind) {
            case FLOAT, DOUBLE -> roundToLong(input.doubles()[row], input, row);
            case DECIMAL -> decimalToLong(((BigDecimal) input.objects()[row]).setScale(0, RoundingMode.HALF_UP), input, row);
            default -> stringToInteger(text(input, row), input, row);
        };
    }

    private long stringToInteger(String text, Column input, int row) {
        if (store == null) {
            return NumberParser.toLongPrefix(text);
        }
        NumberParser.Parsed parsed = NumberParser.scan(text);
        if (parsed.empty() || !parsed.complete()) {
            throw incorrectValue("integer", text, row);
        }
        return decimalToLong(new BigDecimal(parsed.digits()).setScale(0, RoundingMode.HALF_UP), input, row);
    }

    private long roundToLong(double value, Column input, int row) {
        double rounded = Math.rint(value);
        if (Double.isNaN(rounded) || rounded >= 9.223372036854775807E18 || rounded < -9.223372036854775808E18) {
            outOfRange(row);
            return rounded < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return (long) rounded;
    }

    private long decimalToLong(BigDecimal integral, Column input, int row) {
        if (integral.toBigInteger().bitLength() > 63) {
            outOfRange(row);
            return integral.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return integral.longValue();
    }

    private long fitInteger(long value, Column input, int row) {
        long min;
        long max;
        switch (target.kind()) {
            case BOOLEAN -> { return value != 0 ? 1 : 0; }
            case TINYINT -> { min = Byte.MIN_VALUE; max = Byte.MAX_VALUE; }
            case SMALLINT -> { min = Short.MIN_VALUE; max = Short.MAX_VALUE; }
            case INT -> { min = Integer.MIN_VALUE; max = Integer.MAX_VALUE; }
            default -> { return value; }
        }
        if (value < min || value > max) {
            outOfRange(row);
            return value < min ? min : max;
        }
        return value;
    }

    /** Strict mode: out of range is an error; lenient: the caller saturates. */
    private void outOfRange(int row) {
        if (store != null) {
            throw StrataException.of(ErrorCode.ER_WARN_DATA_OUT_OF_RANGE, "Out of range value for column '%s' at row %d",
                    store.columnName(), store.firstRowNumber() + row);
        }
    }

    private StrataException incorrectValue(String typeName, String text, int row) {
        return StrataException.of(ErrorCode.ER_TRUNCATED_WRONG_VALUE_FOR_FIELD, "Incorrect %s value: '%s' for column '%s' at row %d",
                typeName, text, store.columnName(), store.firstRowNumber() + row);
    }

    /** The value of a non-NULL row as a BIGINT, CAST semantics. */
    static long integerValue(Column input, int row) {
        return new ColumnCaster(DataType.BIGINT, null).toInteger(input, row);
    }

    double toDouble(Column input, int row) {
        TypeKind kind = input.type().kind();
        double value;
        if (kind.isInteger()) {
            value = input.longs()[row];
        } else if (kind.isTemporal()) {
            value = TemporalConversions.asNumber(input, row);
        } else {
            value = switch (kind) {
                case FLOAT, DOUBLE -> input.doubles()[row];
                case DECIMAL -> ((BigDecimal) input.objects()[row]).doubleValue();
                default -> stringToDouble(text(input, row), row);
            };
        }
        return target.kind() == TypeKind.FLOAT ? (float) value : value;
    }

    private double stringToDouble(String text, int row) {
        NumberParser.Parsed parsed = NumberParser.scan(text);
        if (store != null && (parsed.empty() || !parsed.complete())) {
            throw incorrectValue("double", text, row);
        }
        return parsed.empty() ? 0 : Double.parseDouble(parsed.digits());
    }

    private BigDecimal toDecimal(Column input, int row) {
        TypeKind kind = input.type().kind();
        if (kind.isInteger()) {
            return BigDecimal.valueOf(input.longs()[row]);
        }
        if (kind.isTemporal()) {
            return BigDecimal.valueOf(TemporalConversions.asNumber(input, row));
        }
        return switch (kind) {
            case FLOAT, DOUBLE -> {
                double value = input.doubles()[row];
                yield Double.isFinite(value) ? new BigDecimal(kind == TypeKind.FLOAT ? Float.toString((float) value)
                        : Double.toString(value)) : BigDecimal.ZERO;
            }
            case DECIMAL -> (BigDecimal) input.objects()[row];
            default -> stringToDecimal(text(input, row), row);
        };
    }

    private BigDecimal stringToDecimal(String text, int row) {
        if (store != null) {
            NumberParser.Parsed parsed = NumberParser.scan(text);
            if (parsed.empty() || !parsed.complete()) {
                throw incorrectValue("decimal", text, row);
            }
        }
        return NumberParser.toDecimal(text);
    }

    private BigDecimal fitDecimal(BigDecimal value, int row) {
        BigDecimal scaled = value.setScale(target.scale(), RoundingMode.HALF_UP);
        int integerDigits = target.precision() - target.scale();
        if (scaled.signum() != 0 && scaled.precision() - scaled.scale() > integerDigits) {
            outOfRange(row);
            BigDecimal max = BigDecimal.TEN.pow(integerDigits).subtract(BigDecimal.ONE.movePointLeft(target.scale()));
            return scaled.signum() < 0 ? max.negate() : max;
        }
        return scaled;
    }

    private void convertToObject(Column input, int row, Column output) {
        Object value = switch (target.kind()) {
            case DECIMAL -> fitDecimal(toDecimal(input, row), row);
            case VARBINARY, BLOB -> checkLength(toBytes(input, row), row);
            case VECF32, VECF64 -> toVector(input, row);
            case JSON -> store == null ? JsonCast.cast(input, row) : JsonCast.forColumn(input, row, store.columnName());
            case CHAR -> checkLength(stripTrailingSpaces(text(input, row)), row);
            default -> checkLength(text(input, row), row);
        };
        output.set(row, value);
    }

    /** CHAR values come back without trailing spaces in MySQL (PAD_CHAR_TO_FULL_LENGTH is off). */
    private static String stripTrailingSpaces(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        return text.substring(0, end);
    }

    private Object checkLength(Object value, int row) {
        if (store == null || !hasLengthLimit(target)) {
            return value;
        }
        long length = value instanceof String s ? s.codePointCount(0, s.length()) : ((byte[]) value).length;
        if (length > target.precision()) {
            throw StrataException.of(ErrorCode.ER_DATA_TOO_LONG, "Data too long for column '%s' at row %d",
                    store.columnName(), store.firstRowNumber() + row);
        }
        return value;
    }

    private static byte[] toBytes(Column input, int row) {
        Object value = input.objects() == null ? null : input.objects()[row];
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        return ValueFormatter.format(input, row).getBytes(StandardCharsets.UTF_8);
    }

    static String text(Column input, int row) {
        Object value = input.objects() == null ? null : input.objects()[row];
        if (value instanceof String s) {
            return s;
        }
        return ValueFormatter.format(input, row);
    }

    private Object toVector(Column input, int row) {
        Object value = input.objects() == null ? null : input.objects()[row];
        double[] components;
        if (value instanceof float[] floats) {
            components = new double[floats.length];
            for (int i = 0; i < floats.length; i++) {
                components[i] = floats[i];
            }
        } else if (value instanceof double[] doubles) {
            components = doubles;
        } else {
            components = parseVector(text(input, row), row);
        }
        if (target.precision() > 0 && components.length != target.precision()) {
            if (store != null) {
                throw StrataException.of(ErrorCode.ER_TRUNCATED_WRONG_VALUE_FOR_FIELD,
                        "expected vector dimension %d != actual %d for column '%s' at row %d", target.precision(),
                        components.length, store.columnName(), store.firstRowNumber() + row);
            }
            return null;
        }
        if (target.kind() == TypeKind.VECF64) {
            return components;
        }
        float[] floats = new float[components.length];
        for (int i = 0; i < floats.length; i++) {
            floats[i] = (float) components[i];
        }
        return floats;
    }

    private double[] parseVector(String text, int row) {
        String trimmed = text.strip();
        if (!trimmed.startsWith("[") || !trimmed.endsWith("]")) {
            throw StrataException.of(ErrorCode.ER_TRUNCATED_WRONG_VALUE_FOR_FIELD, "malformed vector input: %s", text);
        }
        String body = trimmed.substring(1, trimmed.length() - 1).strip();
        if (body.isEmpty()) {
            return new double[0];
        }
        String[] parts = body.split(",");
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                values[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new StrataException(ErrorCode.ER_TRUNCATED_WRONG_VALUE_FOR_FIELD, "malformed vector input: " + text, e);
            }
        }
        return values;
    }
}
