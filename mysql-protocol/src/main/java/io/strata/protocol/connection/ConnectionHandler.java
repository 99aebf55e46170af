package io.strata.protocol.connection;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.strata.common.error.ErrorCode;
import io.strata.protocol.codec.ErrorPacket;
import io.strata.protocol.codec.MalformedPacketException;
import io.strata.protocol.codec.MysqlPacket;
import io.strata.protocol.codec.PacketTooLargeException;
import io.strata.protocol.codec.PacketWriter;
import io.strata.protocol.codec.ResponsePackets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.SocketException;
import javax.net.ssl.SSLException;

/**
 * The event-loop side of a connection: admits it (or refuses it with 1040 when the server is
 * full), hands each decoded packet to the connection's serial executor so that slow statements never
 * hold the event loop (only quick statements run on it, never waiting: point reads from a cached plan,
 * cached reads and prepared writes whose previous execution was short, bare BEGIN, COMMIT
 * and ROLLBACK), stops
 * reading while too many packets wait, and turns framing failures into a closed connection.
 */
public final class ConnectionHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionHandler.class);
    /** Packets queued for the worker before the channel stops reading (clients rarely pipeline). */
    private static final int MAX_PENDING_PACKETS = 64;

    private final ServerContext server;
    private SerialExecutor executor;
    private MysqlConnection connection;

    public ConnectionHandler(ServerContext server) {
        this.server = server;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (!server.registry().reserve()) {
            PacketWriter refusal = new PacketWriter(ctx.channel());
            refusal.sequenceId(0);
            ResponsePackets.error(refusal, ErrorPacket.TOO_MANY_CONNECTIONS);
            refusal.flush();
            ctx.close();
            return;
        }
        executor = new SerialExecutor(server.workers());
        connection = new MysqlConnection(ctx.channel(), server, server.registry().nextConnectionId());
        server.registry().add(connection);
        executor.execute(connection::start);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (!(message instanceof MysqlPacket packet) || connection == null) {
            throw new IllegalStateException("unexpected inbound message " + message);
        }
        MysqlConnection receiver = connection;
        if (receiver.takeFilePacket(packet)) {
            return; // the running LOAD DATA LOCAL reads it
        }
        // A quick statement (a point read from a cached plan, or a cached read that was short last time)
        // runs right here: handing it to a worker and its answer back to this loop would cost more than
        // running it.
        // It must not wait here, though: one that reaches a wait (a row lock, a commit) is undone and queued
        // for a worker, ahead of anything that arrives meanwhile.
        // A commit it makes is not waited for here: its answer is sent when the log has made it durable,
        // and the connection runs nothing else until then.
        if (executor.runInlineIf(() -> receiver.isQuickCommand(packet), () -> {
            java.util.concurrent.CompletableFuture<Void> answered = receiver.receiveWithoutWaiting(packet);
            if (answered == null) {
                executor.execute(() -> receiver.receive(packet));
            }
            return answered;
        })) {
            return;
        }
        executor.execute(() -> {
            receiver.receive(packet);
            if (executor.pending() < MAX_PENDING_PACKETS / 2 && !ctx.channel().config().isAutoRead()) {
                ctx.channel().config().setAutoRead(true);
            }
        });
        if (executor.pending() >= MAX_PENDING_PACKETS) {
            ctx.channel().config().setAutoRead(false);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (connection != null) {
            connection.writer().writabilityChanged();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (connection != null) {
            MysqlConnection closing = connection;
            server.registry().remove(closing);
            closing.kill(true); // stop a running statement now, rather than when it finishes
            closing.writer().writabilityChanged();
            // The slot is given back only once the session is closed, so that running connection
            // tasks never outnumber maxConnections (the worker pool's size).
            executor.execute(() -> {
                try {
                    closing.closed();
                } finally {
                    server.registry().release();
                }
            });
            connection = null;
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable error = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        ErrorPacket answer = switch (error) {
            case PacketTooLargeException tooLarge -> ErrorPacket.of(ErrorCode.ER_NET_PACKET_TOO_LARGE,
                    "Got a packet bigger than 'max_allowed_packet' bytes");
            case MalformedPacketException malformed -> ErrorPacket.of(ErrorCode.ER_HANDSHAKE_ERROR, malformed.getMessage());
            default -> null;
        };
        if (answer != null && connection != null) {
            LOG.debug("closing connection {}: {}", connection.connectionId(), error.getMessage());
            // The stream cannot be framed any more: read nothing further, answer from the worker, close.
            ctx.channel().config().setAutoRead(false);
            MysqlConnection failing = connection;
            executor.execute(() -> failing.abort(answer));
            return;
        }
        if (error instanceof SSLException || error instanceof SocketException || error instanceof IOException) {
            LOG.debug("connection closed by I/O error: {}", error.toString());
        } else {
            LOG.warn("unexpected error on connection; closing it", error);
        }
        ctx.close();
    }
}
