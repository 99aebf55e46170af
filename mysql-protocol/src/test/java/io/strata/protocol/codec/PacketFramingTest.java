package io.strata.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Packets of 16 MB and more are split by the writer and joined by the decoder. */
class PacketFramingTest {
    private static final int PIECE = PacketFrameDecoder.MAX_PIECE_SIZE;

    private static EmbeddedChannel decoderChannel(long maxBytes) {
        return new EmbeddedChannel(new PacketFrameDecoder(maxBytes, () -> {
            throw new AssertionError("no TLS in this test");
        }));
    }

    private static byte[] payload(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        return bytes;
    }

    /** Writes {@code payload} through a PacketWriter and returns the framed bytes. */
    private static ByteBuf frame(byte[] payload, int firstSequenceId) {
        EmbeddedChannel channel = new EmbeddedChannel();
        PacketWriter writer = new PacketWriter(channel);
        writer.sequenceId(firstSequenceId);
        writer.begin().writeBytes(payload);
        writer.end();
        writer.flush();
        ByteBuf all = Unpooled.buffer();
        ByteBuf next;
        while ((next = channel.readOutbound()) != null) {
            all.writeBytes(next);
            next.release();
        }
        return all;
    }

    @Test
    void smallPacketsGetOneHeader() {
        ByteBuf framed = frame(new byte[] {1, 2, 3}, 4);
        assertEquals(7, framed.readableBytes());
        assertEquals(3, framed.getUnsignedMediumLE(0));
        assertEquals(4, framed.getUnsignedByte(3));
    }

    @Test
    void payloadOfExactlySixteenMegabytesEndsWithAnEmptyPiece() {
        byte[] payload = payload(PIECE);
        ByteBuf framed = frame(payload, 0);
        assertEquals(PIECE + 8, framed.readableBytes());
        assertEquals(0, framed.getUnsignedMediumLE(PIECE + 4));
        assertEquals(1, framed.getUnsignedByte(PIECE + 7));
        EmbeddedChannel decoder = decoderChannel(64L << 20);
        decoder.writeInbound(framed);
        MysqlPacket packet = decoder.readInbound();
        assertArrayEquals(payload, packet.payload());
        assertEquals(1, packet.sequenceId());
    }

    @Test
    void largePayloadsSplitAndJoinAcrossArbitraryReads() {
        byte[] payload = payload(2 * PIECE + 1000);
        ByteBuf framed = frame(payload, 0);
        assertEquals(payload.length + 12, framed.readableBytes());
        EmbeddedChannel decoder = decoderChannel(64L << 20);
        // Feed in uneven chunks, as TCP would.
        while (framed.isReadable()) {
            decoder.writeInbound(framed.readRetainedSlice(Math.min(framed.readableBytes(), 5_000_001)));
        }
        MysqlPacket packet = decoder.readInbound();
        assertTrue(Arrays.equals(payload, packet.payload()));
        assertEquals(2, packet.sequenceId());
        assertNull(decoder.readInbound());
    }

    @Test
    void joinedPacketsOverTheLimitAreRefused() {
        ByteBuf framed = frame(payload(PIECE + 10), 0);
        EmbeddedChannel decoder = decoderChannel(PIECE);
        DecoderException error = assertThrows(DecoderException.class, () -> decoder.writeInbound(framed));
        assertTrue(error.getCause() instanceof PacketTooLargeException, error.toString());
    }

    @Test
    void piecesOutOfSequenceAreMalformed() {
        ByteBuf framed = frame(payload(PIECE + 10), 0);
        framed.setByte(PIECE + 4 + 3, 9);
        EmbeddedChannel decoder = decoderChannel(64L << 20);
        DecoderException error = assertThrows(DecoderException.class, () -> decoder.writeInbound(framed));
        assertTrue(error.getCause() instanceof MalformedPacketException, error.toString());
    }
}
