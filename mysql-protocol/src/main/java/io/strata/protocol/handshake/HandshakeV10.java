package io.strata.protocol.handshake;

import io.netty.buffer.ByteBuf;
import io.strata.protocol.auth.Scramble;
import io.strata.protocol.codec.LengthEncoded;

/** Writes the server's first packet, Protocol::HandshakeV10. */
public final class HandshakeV10 {
    /** utf8mb4_0900_ai_ci, the collation MySQL 8 announces. */
    public static final int UTF8MB4_0900_AI_CI = 255;

    private HandshakeV10() {}

    public static void write(ByteBuf out, String serverVersion, long connectionId, byte[] scramble,
                             int capabilities, int statusFlags, String authPlugin) {
        if (scramble.length != Scramble.LENGTH) {
            throw new IllegalArgumentException("scramble must have 20 bytes: " + scramble.length);
        }
        out.writeByte(10);
        LengthEncoded.writeNulString(out, serverVersion);
        out.writeIntLE((int) connectionId);
        out.writeBytes(scramble, 0, 8);
        out.writeByte(0);
        out.writeShortLE(capabilities & 0xFFFF);
        out.writeByte(UTF8MB4_0900_AI_CI);
        out.writeShortLE(statusFlags);
        out.writeShortLE(capabilities >>> 16);
        out.writeByte(Scramble.LENGTH + 1);
        out.writeZero(10);
        out.writeBytes(scramble, 8, Scramble.LENGTH - 8);
        out.writeByte(0);
        LengthEncoded.writeNulString(out, authPlugin);
    }
}
