package io.strata.protocol.types;

import io.netty.buffer.ByteBuf;
import io.strata.common.session.ResultColumn;
import io.strata.common.type.DataType;
import io.strata.protocol.codec.LengthEncoded;

/**
 * How a {@link DataType} appears in a Protocol::ColumnDefinition41 packet: wire type, character
 * set, display length, decimals and flags, chosen as MySQL 8 reports the matching column.
 */
public final class ColumnDefinition {
    public static final int CHARSET_UTF8MB4 = 255;
    public static final int CHARSET_BINARY = 63;
    /** "Not a fixed number of decimals", MySQL's value for FLOAT/DOUBLE without (M,D). */
    private static final int NOT_FIXED_DECIMALS = 31;
    private static final int MAX_UTF8MB4_BYTES_PER_CHAR = 4;

    private ColumnDefinition() {}

    public static int wireType(DataType type) {
        return switch (type.kind()) {
            case NULL -> MysqlType.NULL;
            case BOOLEAN, TINYINT -> MysqlType.TINY;
            case SMALLINT -> MysqlType.SHORT;
            case INT -> MysqlType.LONG;
            case BIGINT -> MysqlType.LONGLONG;
            case DECIMAL -> MysqlType.NEWDECIMAL;
            case FLOAT -> MysqlType.FLOAT;
            case DOUBLE -> MysqlType.DOUBLE;
            case VARCHAR, VARBINARY, VECF32, VECF64 -> MysqlType.VAR_STRING;
            case CHAR -> MysqlType.STRING;
            case TEXT, BLOB -> MysqlType.BLOB;
            case DATE -> MysqlType.DATE;
            case TIME -> MysqlType.TIME;
            case DATETIME -> MysqlType.DATETIME;
            case TIMESTAMP -> MysqlType.TIMESTAMP;
            case JSON -> MysqlType.JSON;
        };
    }

    /** MySQL sends JSON with the binary character set too (its documents are utf8mb4 all the same). */
    public static boolean isBinary(DataType type) {
        return switch (type.kind()) {
            case VARCHAR, CHAR, TEXT, VECF32, VECF64 -> false;
            default -> true;
        };
    }

    public static int charset(DataType type) {
        return isBinary(type) ? CHARSET_BINARY : CHARSET_UTF8MB4;
    }

    public static long displayLength(DataType type) {
        int fraction = type.precision() > 0 ? type.precision() + 1 : 0;
        return switch (type.kind()) {
            case NULL -> 0;
            case BOOLEAN -> 1;
            case TINYINT -> 4;
            case SMALLINT -> 6;
            case INT -> 11;
            case BIGINT -> 20;
            case DECIMAL -> type.precision() + (type.scale() > 0 ? 1 : 0) + 1;
            case FLOAT -> 12;
            case DOUBLE -> 22;
            case VARCHAR, CHAR -> (long) Math.max(type.precision(), 1) * MAX_UTF8MB4_BYTES_PER_CHAR;
            case VARBINARY -> Math.max(type.precision(), 1);
            // TEXT's limit is 65,535 bytes whatever the charset; MySQL sends exactly that, and Connector/J
            // names the type by it (a longer length reads as MEDIUMTEXT).
            case TEXT -> 65_535;
            case BLOB -> 65_535;
            case DATE -> 10;
            case TIME -> 10 + fraction;
            case DATETIME, TIMESTAMP -> 19 + fraction;
            case JSON -> 4_294_967_295L;
            // '[' + numbers of up to ~15 characters and ", " separators + ']'.
            case VECF32, VECF64 -> Math.max(2, (long) type.precision() * 17);
        };
    }

    public static int decimals(DataType type) {
        return switch (type.kind()) {
            case DECIMAL -> type.scale();
            case FLOAT, DOUBLE -> NOT_FIXED_DECIMALS;
            case TIME, DATETIME, TIMESTAMP -> type.precision();
            default -> 0;
        };
    }

    public static int flags(ResultColumn column) {
        DataType type = column.type();
        int flags = 0;
        if (!column.nullable()) {
            flags |= ColumnFlags.NOT_NULL;
        }
        if (column.primaryKey()) {
            flags |= ColumnFlags.PRI_KEY;
        }
        if (column.autoIncrement()) {
            flags |= ColumnFlags.AUTO_INCREMENT;
        }
        // As MySQL 8: BINARY on byte strings and temporal types, not on numbers (Connector/J reads a
        // TINYINT(1) with BINARY as bytes instead of a boolean).
        if (isBinary(type) && !type.kind().isNumeric()) {
            flags |= ColumnFlags.BINARY;
        }
        if (type.kind().isNumeric()) {
            flags |= ColumnFlags.NUM;
        }
        switch (type.kind()) {
            case TEXT, BLOB, JSON -> flags |= ColumnFlags.BLOB;
            default -> { }
        }
        return flags;
    }

    /** Writes the column-definition payload; {@code fieldListDefault} adds COM_FIELD_LIST's default value. */
    public static void write(ByteBuf out, ResultColumn column, boolean fieldListDefault) {
        LengthEncoded.writeString(out, "def");
        LengthEncoded.writeString(out, column.database());
        LengthEncoded.writeString(out, column.table());
        LengthEncoded.writeString(out, column.originalTable());
        LengthEncoded.writeString(out, column.name());
        LengthEncoded.writeString(out, column.originalName());
        LengthEncoded.writeInt(out, 0x0C);
        DataType type = column.type();
        out.writeShortLE(charset(type));
        out.writeIntLE((int) Math.min(displayLength(type), 0xFFFF_FFFFL));
        out.writeByte(wireType(type));
        out.writeShortLE(flags(column));
        out.writeByte(decimals(type));
        out.writeShortLE(0);
        if (fieldListDefault) {
            // No default value known: MySQL sends a NULL length-encoded string.
            out.writeByte(LengthEncoded.NULL_MARKER);
        }
    }
}
