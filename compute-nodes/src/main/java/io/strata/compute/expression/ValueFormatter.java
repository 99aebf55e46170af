package io.strata.compute.expression;

import io.strata.common.type.ArrowValues;
import io.strata.common.type.DataType;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** Prints values as MySQL does when it converts them to strings (CAST AS CHAR, CONCAT, results). */
public final class ValueFormatter {
    private ValueFormatter() {}

    /** The text of row {@code row} of {@code column}, which must not be NULL there. */
    public static String format(Column column, int row) {
        DataType type = column.type();
        return switch (type.kind()) {
            case BOOLEAN -> column.longs()[row] != 0 ? "1" : "0";
            case TINYINT, SMALLINT, INT, BIGINT -> Long.toString(column.longs()[row]);
            case DATE -> formatDate(column.longs()[row]);
            case TIME -> formatTime(column.longs()[row], type.precision());
            case DATETIME, TIMESTAMP -> formatDateTime(column.longs()[row], type.precision());
            case FLOAT -> formatFloat((float) column.doubles()[row]);
            case DOUBLE -> formatDouble(column.doubles()[row]);
            case DECIMAL -> ((BigDecimal) column.objects()[row]).toPlainString();
            case VARBINARY, BLOB -> new String((byte[]) column.objects()[row], StandardCharsets.UTF_8);
            case VECF32 -> java.util.Arrays.toString((float[]) column.objects()[row]);
            case VECF64 -> java.util.Arrays.toString((double[]) column.objects()[row]);
            default -> String.valueOf(column.objects()[row]);
        };
    }

    public static String formatDate(long epochDay) {
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        return String.format("%04d-%02d-%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    public static String formatDateTime(long micros, int fractionalDigits) {
        LocalDateTime value = ArrowValues.microsToDateTime(micros);
        String text = String.format("%04d-%02d-%02d %02d:%02d:%02d", value.getYear(), value.getMonthValue(),
                value.getDayOfMonth(), value.getHour(), value.getMinute(), value.getSecond());
        return text + fraction(Math.floorMod(micros, 1_000_000L), fractionalDigits);
    }

    public static String formatTime(long micros, int fractionalDigits) {
        long seconds = Math.floorDiv(micros, 1_000_000L);
        String text = String.format("%02d:%02d:%02d", seconds / 3600, (seconds / 60) % 60, seconds % 60);
        return text + fraction(Math.floorMod(micros, 1_000_000L), fractionalDigits);
    }

    private static String fraction(long micros, int fractionalDigits) {
        if (fractionalDigits <= 0) {
            return "";
        }
        return "." + String.format("%06d", micros).substring(0, Math.min(6, fractionalDigits));
    }

    /** Shortest digits that read back as the same double, plain between 1e-5 and 1e15, else {@code 1.5e20}. */
    public static String formatDouble(double value) {
        return formatShortest(Double.toString(value), value);
    }

    public static String formatFloat(float value) {
        return formatShortest(Float.toString(value), value);
    }

    private static String formatShortest(String javaText, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return javaText;
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal decimal = new BigDecimal(javaText).stripTrailingZeros();
        int exponent = decimal.precision() - decimal.scale() - 1;
        if (exponent < -5 || exponent >= 15) {
            BigDecimal mantissa = decimal.movePointLeft(exponent).stripTrailingZeros();
            return mantissa.toPlainString() + "e" + exponent;
        }
        return decimal.toPlainString();
    }
}
