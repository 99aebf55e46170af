package io.strata.protocol.types;

import io.netty.buffer.ByteBuf;
import io.strata.common.type.DataType;
import io.strata.protocol.codec.LengthEncoded;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Writes one non-null value in the binary protocol's encoding for its column's wire type
 * ({@link ColumnDefinition#wireType}): fixed-width little-endian integers and floats, the
 * compact DATE/DATETIME/TIME structures, and length-encoded strings for everything else.
 */
public final class BinaryValueEncoder {
    private BinaryValueEncoder() {}

    public static void write(ByteBuf out, Object value, DataType type) {
        switch (ColumnDefinition.wireType(type)) {
            case MysqlType.TINY -> out.writeByte((int) toLong(value));
            case MysqlType.SHORT -> out.writeShortLE((int) toLong(value));
            case MysqlType.LONG -> out.writeIntLE((int) toLong(value));
            case MysqlType.LONGLONG -> out.writeLongLE(toLong(value));
            case MysqlType.FLOAT -> out.writeFloatLE((float) toDouble(value));
            case MysqlType.DOUBLE -> out.writeDoubleLE(toDouble(value));
            case MysqlType.DATE -> writeDate(out, value);
            case MysqlType.DATETIME, MysqlType.TIMESTAMP -> writeDateTime(out, value, type.precision());
            case MysqlType.TIME -> writeTime(out, value, type.precision());
            case MysqlType.NULL -> { }
            default -> LengthEncoded.writeBytes(out, TextValueEncoder.encode(value, type));
        }
    }

    private static long toLong(Object value) {
        return switch (value) {
            case Boolean flag -> flag ? 1 : 0;
            case BigDecimal decimal -> decimal.longValue();
            case Number number -> number.longValue();
            case String text -> new BigDecimal(text.trim()).longValue();
            default -> throw new IllegalStateException("no integer value: " + value.getClass().getName());
        };
    }

    private static double toDouble(Object value) {
        return switch (value) {
            case Boolean flag -> flag ? 1 : 0;
            case Number number -> number.doubleValue();
            case String text -> Double.parseDouble(text.trim());
            default -> throw new IllegalStateException("no floating-point value: " + value.getClass().getName());
        };
    }

    private static void writeDate(ByteBuf out, Object value) {
        LocalDate date = switch (value) {
            case LocalDate d -> d;
            case LocalDateTime dt -> dt.toLocalDate();
            default -> throw new IllegalStateException("no DATE value: " + value.getClass().getName());
        };
        out.writeByte(4);
        out.writeShortLE(date.getYear()).writeByte(date.getMonthValue()).writeByte(date.getDayOfMonth());
    }

    /** Microseconds cut to the column's fractional digits, as the text protocol prints them. */
    private static int micros(int nanos, int fractionalDigits) {
        int digits = Math.min(Math.max(fractionalDigits, 0), 6);
        int unit = (int) Math.pow(10, 6 - digits);
        return nanos / 1000 / unit * unit;
    }

    private static void writeDateTime(ByteBuf out, Object value, int fractionalDigits) {
        LocalDateTime dateTime = switch (value) {
            case LocalDateTime dt -> dt;
            case LocalDate d -> d.atStartOfDay();
            default -> throw new IllegalStateException("no DATETIME value: " + value.getClass().getName());
        };
        int micros = micros(dateTime.getNano(), fractionalDigits);
        out.writeByte(micros == 0 ? 7 : 11);
        out.writeShortLE(dateTime.getYear()).writeByte(dateTime.getMonthValue()).writeByte(dateTime.getDayOfMonth());
        out.writeByte(dateTime.getHour()).writeByte(dateTime.getMinute()).writeByte(dateTime.getSecond());
        if (micros != 0) {
            out.writeIntLE(micros);
        }
    }

    private static void writeTime(ByteBuf out, Object value, int fractionalDigits) {
        if (!(value instanceof LocalTime time)) {
            throw new IllegalStateException("no TIME value: " + value.getClass().getName());
        }
        int micros = micros(time.getNano(), fractionalDigits);
        out.writeByte(micros == 0 ? 8 : 12);
        out.writeByte(0); // not negative
        out.writeIntLE(0); // days
        out.writeByte(time.getHour()).writeByte(time.getMinute()).writeByte(time.getSecond());
        if (micros != 0) {
            out.writeIntLE(micros);
        }
    }
}
