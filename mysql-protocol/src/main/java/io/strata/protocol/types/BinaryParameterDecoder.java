package io.strata.protocol.types;

import io.netty.buffer.ByteBuf;
import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.protocol.codec.LengthEncoded;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Reads one parameter value of COM_STMT_EXECUTE by the type the client sent for it: integers as
 * {@code Long} (a BIGINT UNSIGNED beyond Long's range as {@code BigInteger}'s decimal string),
 * FLOAT/DOUBLE as {@code Double}, DECIMAL and text as {@code String}, blobs as {@code byte[]},
 * DATE as {@code LocalDate}, DATETIME/TIMESTAMP as {@code LocalDateTime}, TIME as {@code LocalTime}.
 * String and blob types are read as {@code byte[]} when the statement declared a binary parameter,
 * so that bytes which are not UTF-8 survive whichever string type the client chose.
 */
public final class BinaryParameterDecoder {
    /** The flag byte after a parameter's type: the value is unsigned. */
    public static final int UNSIGNED_FLAG = 0x80;

    private BinaryParameterDecoder() {}

    public static Object read(ByteBuf in, int wireType, boolean unsigned, boolean binaryTarget) {
        return switch (wireType) {
            case MysqlType.NULL -> null;
            case MysqlType.TINY -> { LengthEncoded.require(in, 1); yield unsigned ? (long) in.readUnsignedByte() : (long) in.readByte(); }
            case MysqlType.SHORT, MysqlType.YEAR -> { LengthEncoded.require(in, 2); yield unsigned ? (long) in.readUnsignedShortLE() : (long) in.readShortLE(); }
            case MysqlType.LONG, MysqlType.INT24 -> { LengthEncoded.require(in, 4); yield unsigned ? in.readUnsignedIntLE() : (long) in.readIntLE(); }
            case MysqlType.LONGLONG -> { LengthEncoded.require(in, 8); yield readLongLong(in, unsigned); }
            case MysqlType.FLOAT -> { LengthEncoded.require(in, 4); yield (double) in.readFloatLE(); }
            case MysqlType.DOUBLE -> { LengthEncoded.require(in, 8); yield in.readDoubleLE(); }
            case MysqlType.DATE, MysqlType.DATETIME, MysqlType.TIMESTAMP, MysqlType.NEWDATE -> readDateTime(in, wireType);
            case MysqlType.TIME -> readTime(in);
            case MysqlType.TINY_BLOB, MysqlType.MEDIUM_BLOB, MysqlType.LONG_BLOB, MysqlType.BLOB, MysqlType.GEOMETRY, MysqlType.BIT ->
                    LengthEncoded.readBytes(in);
            case MysqlType.VARCHAR, MysqlType.VAR_STRING, MysqlType.STRING ->
                    binaryTarget ? LengthEncoded.readBytes(in) : LengthEncoded.readString(in);
            case MysqlType.DECIMAL, MysqlType.NEWDECIMAL, MysqlType.JSON, MysqlType.ENUM, MysqlType.SET -> LengthEncoded.readString(in);
            default -> throw new StrataException(ErrorCode.ER_WRONG_ARGUMENTS,
                    "Unsupported parameter type 0x" + Integer.toHexString(wireType) + " in COM_STMT_EXECUTE");
        };
    }

    /** A parameter sent with COM_STMT_SEND_LONG_DATA: bytes for blob types, text otherwise. */
    public static Object fromLongData(byte[] data, int wireType, boolean binaryTarget) {
        if (binaryTarget) {
            return data;
        }
        return switch (wireType) {
            case MysqlType.TINY_BLOB, MysqlType.MEDIUM_BLOB, MysqlType.LONG_BLOB, MysqlType.BLOB, MysqlType.GEOMETRY -> data;
            default -> new String(data, StandardCharsets.UTF_8);
        };
    }

    private static Object readLongLong(ByteBuf in, boolean unsigned) {
        long value = in.readLongLE();
        if (unsigned && value < 0) {
            return new BigInteger(Long.toUnsignedString(value)).toString();
        }
        return value;
    }

    private static Object readDateTime(ByteBuf in, int wireType) {
        LengthEncoded.require(in, 1);
        int length = in.readUnsignedByte();
        if (length != 0 && length != 4 && length != 7 && length != 11) {
            throw LengthEncoded.malformed("DATETIME parameter of length " + length);
        }
        LengthEncoded.require(in, length);
        int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, micros = 0;
        if (length >= 4) {
            year = in.readUnsignedShortLE();
            month = in.readUnsignedByte();
            day = in.readUnsignedByte();
        }
        if (length >= 7) {
            hour = in.readUnsignedByte();
            minute = in.readUnsignedByte();
            second = in.readUnsignedByte();
        }
        if (length == 11) {
            micros = (int) in.readUnsignedIntLE();
        }
        if (length == 0 || month == 0 || day == 0) {
            throw new StrataException(ErrorCode.ER_TRUNCATED_WRONG_VALUE, "Incorrect datetime value: zero date");
        }
        try {
            if (wireType == MysqlType.DATE || wireType == MysqlType.NEWDATE) {
                return LocalDate.of(year, month, day);
            }
            return LocalDateTime.of(year, month, day, hour, minute, second, micros * 1000);
        } catch (java.time.DateTimeException e) {
            throw new StrataException(ErrorCode.ER_TRUNCATED_WRONG_VALUE,
                    "Incorrect datetime value: " + e.getMessage(), e);
        }
    }

    private static Object readTime(ByteBuf in) {
        LengthEncoded.require(in, 1);
        int length = in.readUnsignedByte();
        if (length != 0 && length != 8 && length != 12) {
            throw LengthEncoded.malformed("TIME parameter of length " + length);
        }
        if (length == 0) {
            return LocalTime.MIDNIGHT;
        }
        LengthEncoded.require(in, length);
        boolean negative = in.readByte() != 0;
        long days = in.readUnsignedIntLE();
        int hour = in.readUnsignedByte();
        int minute = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        int micros = length == 12 ? (int) in.readUnsignedIntLE() : 0;
        if (negative || days > 0 || hour > 23 || minute > 59 || second > 59 || micros > 999_999) {
            // TIME values outside a day have no LocalTime; DataType only carries times of day.
            throw new StrataException(ErrorCode.ER_TRUNCATED_WRONG_VALUE,
                    "Incorrect time value: " + (negative ? "-" : "") + (days * 24 + hour) + ":" + minute + ":" + second);
        }
        return LocalTime.of(hour, minute, second, micros * 1000);
    }
}
