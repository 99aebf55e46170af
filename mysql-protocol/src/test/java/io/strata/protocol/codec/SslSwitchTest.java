package io.strata.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The TLS handler goes in front of the decoder at the SSLRequest, and gets the bytes that follow it. */
class SslSwitchTest {
    /** Stands in for the SslHandler: records what reaches it. */
    static final class RecordingHandler extends ChannelInboundHandlerAdapter {
        final ByteBuf received = Unpooled.buffer();

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            ByteBuf bytes = (ByteBuf) message;
            received.writeBytes(bytes);
            bytes.release();
        }
    }

    private static ByteBuf sslRequest() {
        ByteBuf packet = Unpooled.buffer();
        packet.writeMediumLE(32).writeByte(1);
        packet.writeIntLE(Capabilities.CLIENT_SSL | Capabilities.CLIENT_PROTOCOL_41);
        packet.writeIntLE(1 << 24).writeByte(255).writeZero(23);
        return packet;
    }

    @Test
    void bytesAfterTheSslRequestInTheSameReadGoToTheTlsHandler() {
        RecordingHandler tls = new RecordingHandler();
        EmbeddedChannel channel = new EmbeddedChannel(new PacketFrameDecoder(64L << 20, () -> tls));
        byte[] clientHello = {0x16, 0x03, 0x01, 0x00, 0x05, 1, 2, 3, 4, 5};
        ByteBuf read = sslRequest().writeBytes(clientHello);
        channel.writeInbound(read);
        MysqlPacket packet = channel.readInbound();
        assertEquals(32, packet.payload().length);
        assertEquals(1, packet.sequenceId());
        assertNull(channel.readInbound());
        assertSame(tls, channel.pipeline().first());
        byte[] received = new byte[tls.received.readableBytes()];
        tls.received.readBytes(received);
        assertArrayEquals(clientHello, received);
    }

    @Test
    void aHandshakeResponseWithoutSslLeavesThePipelineAlone() {
        EmbeddedChannel channel = new EmbeddedChannel(new PacketFrameDecoder(64L << 20, () -> {
            throw new AssertionError("no TLS requested");
        }));
        ByteBuf response = Unpooled.buffer();
        response.writeMediumLE(40).writeByte(1);
        response.writeIntLE(Capabilities.CLIENT_PROTOCOL_41).writeZero(36);
        channel.writeInbound(response);
        MysqlPacket packet = channel.readInbound();
        assertEquals(40, packet.payload().length);
        assertTrue(channel.pipeline().first() instanceof PacketFrameDecoder);
    }
}
