package io.strata.protocol.types;

import io.strata.common.type.DataType;
import io.strata.common.type.TypeKind;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/** Formats one non-null value as the text protocol sends it, following MySQL's output formats. */
public final class TextValueEncoder {
    private TextValueEncoder() {}

    public static byte[] encode(Object value, DataType type) {
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        return format(value, type).getBytes(StandardCharsets.UTF_8);
    }

    public static String format(Object value, DataType type) {
        return switch (value) {
            case String text -> text;
            case Boolean flag -> flag ? "1" : "0";
            case Long number -> number.toString();
            case Integer number -> number.toString();
            case Short number -> number.toString();
            case Byte number -> number.toString();
            case BigDecimal decimal -> formatDecimal(decimal, type);
            case Double number -> type.kind() == TypeKind.FLOAT
                    ? MysqlNumberFormat.formatFloat(number.floatValue()) : MysqlNumberFormat.formatDouble(number);
            case Float number -> MysqlNumberFormat.formatFloat(number);
            case LocalDate date -> TemporalText.date(date);
            case LocalTime time -> TemporalText.time(time, type.precision());
            case LocalDateTime dateTime -> TemporalText.dateTime(dateTime, type.precision());
            case float[] vector -> VectorText.format(vector);
            case double[] vector -> VectorText.format(vector);
            default -> value.toString();
        };
    }

    private static String formatDecimal(BigDecimal decimal, DataType type) {
        if (type.kind() == TypeKind.DECIMAL) {
            return decimal.setScale(type.scale(), RoundingMode.HALF_UP).toPlainString();
        }
        return decimal.toPlainString();
    }
}
