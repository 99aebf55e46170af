package io.strata.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.function.Supplier;

/**
 * Cuts the byte stream into {@link MysqlPacket}s: a 3-byte little-endian length and a sequence id,
 * then the payload. A payload of exactly 0xFFFFFF bytes continues in the next packet (sequence id
 * + 1) and the pieces are joined, up to {@code maxPacketSizeInBytes}.
 *
 * <p>The first packet of a connection may be an SSLRequest (32 bytes with CLIENT_SSL): then the TLS
 * handler from {@code tlsHandler} is put in front of this decoder at once, on the event loop, so that
 * the client's TLS handshake bytes, which may already follow in the same read, go through it.
 */
public final class PacketFrameDecoder extends ByteToMessageDecoder {
    public static final int MAX_PIECE_SIZE = 0xFFFFFF;
    private static final int SSL_REQUEST_SIZE = 32;

    private final long maxPacketSizeInBytes;
    private final Supplier<ChannelHandler> tlsHandler;
    private boolean firstPacket = true;
    private ByteArrayOutputStream joined;
    private int lastPieceSequenceId;

    public PacketFrameDecoder(long maxPacketSizeInBytes, Supplier<ChannelHandler> tlsHandler) {
        if (maxPacketSizeInBytes < MAX_PIECE_SIZE) {
            throw new IllegalArgumentException("max packet size below 16 MB: " + maxPacketSizeInBytes);
        }
        this.maxPacketSizeInBytes = maxPacketSizeInBytes;
        this.tlsHandler = tlsHandler;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.readableBytes() >= 4) {
            int length = in.getUnsignedMediumLE(in.readerIndex());
            if (in.readableBytes() < 4 + length) {
                return;
            }
            int sequenceId = in.getUnsignedByte(in.readerIndex() + 3);
            in.skipBytes(4);
            byte[] piece = new byte[length];
            in.readBytes(piece);
            MysqlPacket packet = addPiece(sequenceId, piece);
            if (packet == null) {
                continue;
            }
            out.add(packet);
            if (firstPacket) {
                firstPacket = false;
                if (isSslRequest(packet)) {
                    switchToTls(ctx, in);
                    return;
                }
            }
        }
    }

    /** The joined packet when {@code piece} completes one, else null. */
    private MysqlPacket addPiece(int sequenceId, byte[] piece) {
        if (joined == null && piece.length < MAX_PIECE_SIZE) {
            return new MysqlPacket(sequenceId, piece);
        }
        if (joined == null) {
            joined = new ByteArrayOutputStream(MAX_PIECE_SIZE * 2);
        } else if (sequenceId != ((lastPieceSequenceId + 1) & 0xFF)) {
            throw new MalformedPacketException("piece with sequence id " + sequenceId + " after " + lastPieceSequenceId);
        }
        lastPieceSequenceId = sequenceId;
        if ((long) joined.size() + piece.length > maxPacketSizeInBytes) {
            throw new PacketTooLargeException((long) joined.size() + piece.length, maxPacketSizeInBytes);
        }
        joined.write(piece, 0, piece.length);
        if (piece.length == MAX_PIECE_SIZE) {
            return null;
        }
        // Report the sequence id of the last piece: the answer continues after it.
        MysqlPacket packet = new MysqlPacket(sequenceId, joined.toByteArray());
        joined = null;
        return packet;
    }

    private static boolean isSslRequest(MysqlPacket packet) {
        byte[] payload = packet.payload();
        if (payload.length != SSL_REQUEST_SIZE) {
            return false;
        }
        int flags = (payload[0] & 0xFF) | (payload[1] & 0xFF) << 8 | (payload[2] & 0xFF) << 16 | (payload[3] & 0xFF) << 24;
        return Capabilities.has(flags, Capabilities.CLIENT_SSL);
    }

    private void switchToTls(ChannelHandlerContext ctx, ByteBuf in) {
        ctx.pipeline().addBefore(ctx.name(), "tls", tlsHandler.get());
        if (in.isReadable()) {
            // Bytes after the SSLRequest are the start of the TLS handshake: feed them to the TLS handler.
            ByteBuf rest = in.readRetainedSlice(in.readableBytes());
            ctx.pipeline().fireChannelRead(rest);
        }
    }
}
