package io.strata.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Frames server packets onto one channel from the connection's worker thread: assigns sequence
 * ids, splits payloads of 16 MB and more into pieces, gathers small packets into one buffer and
 * flushes it every {@link #FLUSH_THRESHOLD_BYTES}, and blocks while the channel is not writable so
 * a slow client holds back the producer instead of filling memory.
 *
 * <p>Use: {@link #begin()} returns the buffer to write one payload into, {@link #end()} closes the
 * packet; {@link #flush()} sends everything gathered. Not thread-safe: one connection's worker uses it.
 */
public final class PacketWriter {
    public static final int FLUSH_THRESHOLD_BYTES = 64 * 1024;
    /** How long a write may wait for a client that reads nothing (MySQL's net_write_timeout). */
    private static final long WRITE_TIMEOUT_MS = 60_000;

    private final Channel channel;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition writable = lock.newCondition();
    private ByteBuf pending;
    private int packetStart = -1;
    private int sequenceId;
    private long bytesSent; // handed to the channel so far

    public PacketWriter(Channel channel) {
        this.channel = channel;
    }

    /** The sequence id the next packet gets; set from the client packet being answered. */
    public void sequenceId(int next) {
        this.sequenceId = next & 0xFF;
    }

    public int sequenceId() {
        return sequenceId;
    }

    /** Starts a packet; write its payload into the returned buffer, then call {@link #end()}. */
    public ByteBuf begin() {
        if (packetStart >= 0) {
            throw new IllegalStateException("packet already begun");
        }
        if (pending == null) {
            pending = channel.alloc().buffer(1024);
        }
        packetStart = pending.writerIndex();
        pending.writeMediumLE(0).writeByte(0);
        return pending;
    }

    /** Completes the packet begun last, and flushes when enough bytes are gathered. */
    public void end() {
        if (packetStart < 0) {
            throw new IllegalStateException("no packet begun");
        }
        int length = pending.writerIndex() - packetStart - 4;
        if (length < PacketFrameDecoder.MAX_PIECE_SIZE) {
            pending.setMediumLE(packetStart, length);
            pending.setByte(packetStart + 3, nextSequenceId());
        } else {
            splitLastPacket(length);
        }
        packetStart = -1;
        if (pending.readableBytes() >= FLUSH_THRESHOLD_BYTES) {
            flush();
        }
    }

    /** Rewrites an oversized payload as 0xFFFFFF-byte pieces, plus a shorter (maybe empty) last one. */
    private void splitLastPacket(int length) {
        byte[] payload = new byte[length];
        pending.getBytes(packetStart + 4, payload);
        pending.writerIndex(packetStart);
        int offset = 0;
        while (true) {
            int piece = Math.min(PacketFrameDecoder.MAX_PIECE_SIZE, length - offset);
            pending.writeMediumLE(piece).writeByte(nextSequenceId());
            pending.writeBytes(payload, offset, piece);
            offset += piece;
            if (piece < PacketFrameDecoder.MAX_PIECE_SIZE) {
                return;
            }
        }
    }

    private int nextSequenceId() {
        int id = sequenceId;
        sequenceId = (sequenceId + 1) & 0xFF;
        return id;
    }

    /** Sends what is gathered, then waits while the channel's outbound buffer is over its high mark. */
    public void flush() {
        if (packetStart >= 0) {
            throw new IllegalStateException("flush inside a packet");
        }
        if (pending != null && pending.isReadable()) {
            ByteBuf out = pending;
            pending = null;
            bytesSent += out.readableBytes();
            channel.writeAndFlush(out);
        }
        awaitWritable();
    }

    /** Bytes written so far: handed to the channel or gathered for it. */
    public long bytesWritten() {
        return bytesSent + (pending == null ? 0 : pending.readableBytes());
    }

    /** Drops a packet begun but not ended (its payload failed half-way). */
    public void abandon() {
        if (packetStart >= 0) {
            pending.writerIndex(packetStart);
            packetStart = -1;
        }
    }

    /** Releases gathered bytes; for a connection that is closing. */
    public void discard() {
        if (pending != null) {
            pending.release();
            pending = null;
        }
        packetStart = -1;
    }

    /** Called on the event loop when the channel's writability changes. */
    public void writabilityChanged() {
        lock.lock();
        try {
            writable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void awaitWritable() {
        if (channel.isWritable() || !channel.isActive() || channel.eventLoop().inEventLoop()) {
            // On the event loop (a quick statement) waiting would block the very thread that drains the
            // buffer; such a statement only starts on a writable channel and writes little.
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WRITE_TIMEOUT_MS);
        lock.lock();
        try {
            while (!channel.isWritable() && channel.isActive()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    channel.close();
                    throw new IllegalStateException("client read nothing for " + WRITE_TIMEOUT_MS + " ms; connection closed");
                }
                // Bounded wait: a missed signal costs at most 100 ms.
                writable.await(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the client to read", e);
        } finally {
            lock.unlock();
        }
    }
}
