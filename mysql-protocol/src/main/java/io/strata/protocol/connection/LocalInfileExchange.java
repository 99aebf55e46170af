package io.strata.protocol.connection;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.strata.common.session.ClientFiles;
import io.strata.protocol.codec.MysqlPacket;
import io.strata.protocol.codec.PacketWriter;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A connection's LOAD DATA LOCAL INFILE requests: the statement's worker sends 0xFB and the file name
 * ({@link #open}), and until the client's empty packet every packet the event loop decodes belongs to that
 * file ({@link #offer}) instead of being a command.
 */
final class LocalInfileExchange implements ClientFiles {
    private static final int LOCAL_INFILE_HEADER = 0xFB;

    private final Channel channel;
    private final PacketWriter writer;
    private volatile ClientFileStream receiving;

    LocalInfileExchange(Channel channel, PacketWriter writer) {
        this.channel = channel;
        this.writer = writer;
    }

    @Override
    public InputStream open(String fileName) {
        if (receiving != null) {
            throw new IllegalStateException("a LOCAL INFILE file is already being received");
        }
        ClientFileStream stream = new ClientFileStream(channel, writer);
        receiving = stream; // before the request leaves: the client may answer at once
        ByteBuf out = writer.begin();
        out.writeByte(LOCAL_INFILE_HEADER);
        out.writeBytes(fileName.getBytes(StandardCharsets.UTF_8));
        writer.end();
        writer.flush();
        return stream;
    }

    /** On the event loop: takes {@code packet} if a file is being received, and says so. */
    boolean offer(MysqlPacket packet) {
        ClientFileStream stream = receiving;
        if (stream == null) {
            return false;
        }
        if (stream.offer(packet)) {
            receiving = null; // the empty packet: what follows is a command again
        }
        return true;
    }
}
