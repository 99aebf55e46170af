package io.strata.protocol.codec;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * Reads and writes the protocol's basic data types on little-endian payloads: length-encoded
 * integers and strings, NUL-terminated strings (MySQL "Basic Data Types"). Reads past the end of a
 * payload throw {@link MalformedPacketException}, never an index error.
 */
public final class LengthEncoded {
    private LengthEncoded() {}

    /** The 0xFB marker of a NULL column value in text rows. */
    public static final int NULL_MARKER = 0xFB;

    public static void writeInt(ByteBuf out, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("length-encoded integers are unsigned here: " + value);
        }
        if (value < 251) {
            out.writeByte((int) value);
        } else if (value < (1 << 16)) {
            out.writeByte(0xFC);
            out.writeShortLE((int) value);
        } else if (value < (1 << 24)) {
            out.writeByte(0xFD);
            out.writeMediumLE((int) value);
        } else {
            out.writeByte(0xFE);
            out.writeLongLE(value);
        }
    }

    public static void writeBytes(ByteBuf out, byte[] value) {
        writeInt(out, value.length);
        out.writeBytes(value);
    }

    public static void writeString(ByteBuf out, String value) {
        writeBytes(out, value.getBytes(StandardCharsets.UTF_8));
    }

    public static void writeNulString(ByteBuf out, String value) {
        out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        out.writeByte(0);
    }

    /** A length-encoded integer; -1 for the NULL marker 0xFB. */
    public static long readInt(ByteBuf in) {
        require(in, 1);
        int first = in.readUnsignedByte();
        if (first < 251) {
            return first;
        }
        return switch (first) {
            case 0xFB -> -1;
            case 0xFC -> { require(in, 2); yield in.readUnsignedShortLE(); }
            case 0xFD -> { require(in, 3); yield in.readUnsignedMediumLE(); }
            case 0xFE -> { require(in, 8); yield in.readLongLE(); }
            default -> throw malformed("bad length-encoded integer prefix 0x" + Integer.toHexString(first));
        };
    }

    public static byte[] readBytes(ByteBuf in) {
        long length = readInt(in);
        if (length < 0 || length > in.readableBytes()) {
            throw malformed("length-encoded string of " + length + " bytes overruns the packet");
        }
        byte[] bytes = new byte[(int) length];
        in.readBytes(bytes);
        return bytes;
    }

    public static String readString(ByteBuf in) {
        return new String(readBytes(in), StandardCharsets.UTF_8);
    }

    /** A NUL-terminated string; the rest of the packet when the NUL is missing (as MySQL tolerates). */
    public static String readNulString(ByteBuf in) {
        int end = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) 0);
        int length = (end < 0 ? in.writerIndex() : end) - in.readerIndex();
        String value = in.toString(in.readerIndex(), length, StandardCharsets.UTF_8);
        in.skipBytes(length + (end < 0 ? 0 : 1));
        return value;
    }

    public static String readRestString(ByteBuf in) {
        String value = in.toString(StandardCharsets.UTF_8);
        in.skipBytes(in.readableBytes());
        return value;
    }

    public static void require(ByteBuf in, int bytes) {
        if (in.readableBytes() < bytes) {
            throw malformed("packet ends " + (bytes - in.readableBytes()) + " bytes early");
        }
    }

    public static MalformedPacketException malformed(String detail) {
        return new MalformedPacketException(detail);
    }
}
