package io.strata.protocol.codec;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;

/** Writes the generic response packets: OK, ERR, EOF, and the end of a result set. */
public final class ResponsePackets {
    private static final int OK_HEADER = 0x00;
    private static final int EOF_HEADER = 0xFE;
    private static final int ERR_HEADER = 0xFF;
    /** MySQL cuts error messages to MYSQL_ERRMSG_SIZE. */
    private static final int MAX_MESSAGE_BYTES = 512;

    private ResponsePackets() {}

    public static void ok(PacketWriter writer, long affectedRows, long lastInsertId, int status, int warnings, String info) {
        okWithHeader(writer, OK_HEADER, affectedRows, lastInsertId, status, warnings, info);
    }

    private static void okWithHeader(PacketWriter writer, int header, long affectedRows, long lastInsertId,
                                     int status, int warnings, String info) {
        ByteBuf out = writer.begin();
        out.writeByte(header);
        LengthEncoded.writeInt(out, affectedRows);
        LengthEncoded.writeInt(out, lastInsertId);
        out.writeShortLE(status);
        out.writeShortLE(Math.min(warnings, 0xFFFF));
        if (!info.isEmpty()) {
            // The protocol docs say string<EOF> without CLIENT_SESSION_TRACK, but MySQL's net_send_ok
            // writes a length-encoded string either way, and libmariadb (the mysql CLI) reads it so.
            LengthEncoded.writeBytes(out, info.getBytes(StandardCharsets.UTF_8));
        }
        writer.end();
    }

    public static void error(PacketWriter writer, ErrorPacket error) {
        ByteBuf out = writer.begin();
        out.writeByte(ERR_HEADER);
        out.writeShortLE(error.code());
        out.writeByte('#');
        out.writeBytes(error.sqlState().getBytes(StandardCharsets.US_ASCII));
        byte[] message = error.message().getBytes(StandardCharsets.UTF_8);
        out.writeBytes(message, 0, Math.min(message.length, MAX_MESSAGE_BYTES));
        writer.end();
    }

    public static void eof(PacketWriter writer, int warnings, int status) {
        ByteBuf out = writer.begin();
        out.writeByte(EOF_HEADER);
        out.writeShortLE(Math.min(warnings, 0xFFFF));
        out.writeShortLE(status);
        writer.end();
    }

    /**
     * The end of a result set (or of COM_FIELD_LIST, COM_SET_OPTION): with CLIENT_DEPRECATE_EOF an OK
     * packet with the 0xFE header, else a classic EOF packet.
     */
    public static void endOfRows(PacketWriter writer, boolean deprecateEof, int warnings, int status) {
        if (deprecateEof) {
            okWithHeader(writer, EOF_HEADER, 0, 0, status, warnings, "");
        } else {
            eof(writer, warnings, status);
        }
    }

    /** The EOF after column definitions, which CLIENT_DEPRECATE_EOF drops. */
    public static void endOfColumns(PacketWriter writer, boolean deprecateEof, int warnings, int status) {
        if (!deprecateEof) {
            eof(writer, warnings, status);
        }
    }
}
