package io.strata.protocol.connection;

import io.netty.channel.Channel;
import io.strata.protocol.codec.MysqlPacket;
import io.strata.protocol.codec.PacketWriter;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The content of one file the client sends for LOAD DATA LOCAL INFILE, read by the statement's worker as the
 * packets arrive on the event loop (MySQL client/server protocol, "LOCAL INFILE Request": the file in packets
 * of any size, then an empty one). At most {@link #MAX_QUEUED_BYTES} wait at a time: beyond that the channel
 * stops reading, so a fast client never fills the server's memory. The empty packet sets the writer's sequence
 * id for the answer that follows it.
 */
final class ClientFileStream extends InputStream {
    static final long MAX_QUEUED_BYTES = 4L * 1024 * 1024;
    /** How long the server waits for the client's next packet (MySQL's net_read_timeout is 30 s). */
    private static final long READ_TIMEOUT_MS = 60_000;
    private static final long POLL_MS = 100;

    private final Channel channel;
    private final PacketWriter writer;
    private final LinkedBlockingQueue<MysqlPacket> packets = new LinkedBlockingQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private byte[] current = new byte[0];
    private int position;
    private boolean finished;

    ClientFileStream(Channel channel, PacketWriter writer) {
        this.channel = channel;
        this.writer = writer;
    }

    /** On the event loop: a packet of the file (empty: the end). Returns whether it was the last one. */
    boolean offer(MysqlPacket packet) {
        packets.add(packet);
        if (queuedBytes.addAndGet(packet.payload().length) > MAX_QUEUED_BYTES) {
            channel.config().setAutoRead(false);
        }
        return packet.payload().length == 0;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (position == current.length) {
            if (finished || !nextPacket()) {
                return -1;
            }
        }
        int count = Math.min(length, current.length - position);
        System.arraycopy(current, position, target, offset, count);
        position += count;
        return count;
    }

    /** Takes the next packet; false when it is the empty one that ends the file. */
    private boolean nextPacket() throws IOException {
        MysqlPacket packet = take();
        long left = queuedBytes.addAndGet(-packet.payload().length);
        if (left < MAX_QUEUED_BYTES / 2 && !channel.config().isAutoRead()) {
            channel.config().setAutoRead(true);
        }
        current = packet.payload();
        position = 0;
        if (current.length == 0) {
            finished = true;
            writer.sequenceId(packet.sequenceId() + 1);
            return false;
        }
        return true;
    }

    private MysqlPacket take() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READ_TIMEOUT_MS);
        try {
            while (true) {
                MysqlPacket packet = packets.poll(POLL_MS, TimeUnit.MILLISECONDS);
                if (packet != null) {
                    return packet;
                }
                if (!channel.isActive()) {
                    throw new IOException("the client closed the connection while sending a LOCAL INFILE file");
                }
                if (System.nanoTime() > deadline) {
                    channel.close(); // the exchange cannot be resumed: the client's next bytes are file content
                    throw new IOException("the client sent no LOCAL INFILE data for " + READ_TIMEOUT_MS + " ms");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for LOCAL INFILE data", e);
        }
    }

    /** Reads and drops what the client still sends, up to its empty packet, so the answer can follow it. */
    @Override
    public void close() throws IOException {
        while (!finished) {
            position = current.length;
            nextPacket();
        }
    }
}
