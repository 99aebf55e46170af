package io.strata.protocol.connection;

import io.netty.channel.Channel;
import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.error.WouldWaitException;
import io.strata.common.session.Session;
import io.strata.protocol.auth.CachingSha2Password;
import io.strata.protocol.auth.Scramble;
import io.strata.protocol.codec.Capabilities;
import io.strata.protocol.codec.ErrorPacket;
import io.strata.protocol.codec.MalformedPacketException;
import io.strata.protocol.codec.MysqlPacket;
import io.strata.protocol.codec.PacketFrameDecoder;
import io.strata.protocol.codec.PacketWriter;
import io.strata.protocol.codec.ResponsePackets;
import io.strata.protocol.codec.ServerStatus;
import io.strata.protocol.command.CommandContext;
import io.strata.protocol.command.CommandDispatcher;
import io.strata.protocol.handshake.HandshakeResponse;
import io.strata.protocol.handshake.HandshakeV10;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * One client connection's protocol state machine: handshake, authentication, then commands. All
 * methods run on the connection's {@link SerialExecutor}, one at a time and in arrival order, except
 * {@link #kill}, which may come from any thread.
 */
final class MysqlConnection {
    private static final Logger LOG = LoggerFactory.getLogger(MysqlConnection.class);

    private enum Phase { HANDSHAKE, AUTHENTICATION, COMMAND, CLOSED }

    /** Longest COM_QUERY payload that may be a bare transaction statement (command byte included). */
    private static final int MAX_TRANSACTION_CONTROL_BYTES = 33;
    private static final CompletableFuture<Void> ANSWERED = CompletableFuture.completedFuture(null);

    private final Channel channel;
    private final ServerContext server;
    private final long connectionId;
    private final byte[] scramble = Scramble.generate();
    private final PacketWriter writer;
    private final AuthenticationExchange authentication;
    private Phase phase = Phase.HANDSHAKE;
    private boolean overTls;
    private volatile Session session;
    private CommandContext commands;
    private volatile LocalInfileExchange localInfile;

    MysqlConnection(Channel channel, ServerContext server, long connectionId) {
        this.channel = channel;
        this.server = server;
        this.connectionId = connectionId;
        this.writer = new PacketWriter(channel);
        this.authentication = new AuthenticationExchange(server.sessions(), server.tls(), server.fastAuthCache(),
                scramble, hostOf(channel));
    }

    long connectionId() {
        return connectionId;
    }

    PacketWriter writer() {
        return writer;
    }

    /** Sends the HandshakeV10. */
    void start() {
        writer.sequenceId(0);
        HandshakeV10.write(writer.begin(), server.sessions().serverVersion(), connectionId, scramble,
                Capabilities.SERVER, ServerStatus.AUTOCOMMIT, CachingSha2Password.PLUGIN);
        writer.end();
        writer.flush();
    }

    /** Runs {@code packet} where waiting is allowed (a worker), answering it before returning. */
    void receive(MysqlPacket packet) {
        handle(packet);
        CompletableFuture<?> durable = commands == null ? null : commands.takeAnswerAwaits();
        if (durable != null) { // only commands run without waiting leave one; waited for here all the same
            HeldAnswer.sendWhen(durable, channel, writer, (packet.sequenceId() + 1) & 0xFF).join();
        }
    }

    private void handle(MysqlPacket packet) {
        if (phase == Phase.CLOSED) {
            return;
        }
        try {
            checkSequence(packet);
            writer.sequenceId(packet.sequenceId() + 1);
            switch (phase) {
                case HANDSHAKE -> onHandshake(packet);
                case AUTHENTICATION -> onAuthentication(packet);
                case COMMAND -> onCommand(packet);
                case CLOSED -> { }
            }
        } catch (WouldWaitException e) {
            throw e; // see receiveWithoutWaiting
        } catch (MalformedPacketException e) {
            LOG.debug("connection {}: {}", connectionId, e.getMessage());
            fail(ErrorPacket.of(ErrorCode.ER_HANDSHAKE_ERROR, e.getMessage()));
        } catch (StrataException e) {
            // Only the handshake and authentication throw here; commands answer their own errors.
            fail(ErrorPacket.of(e));
        } catch (RuntimeException e) {
            LOG.error("connection {}: internal error in phase {}", connectionId, phase, e);
            fail(ErrorPacket.of(ErrorCode.ER_UNKNOWN_ERROR, "Internal error: " + e));
        }
    }

    private void checkSequence(MysqlPacket packet) {
        // A joined packet reports its last piece; its first piece had the expected id.
        int pieces = packet.payload().length / PacketFrameDecoder.MAX_PIECE_SIZE;
        int first = (packet.sequenceId() - pieces) & 0xFF;
        int expected = phase == Phase.COMMAND ? 0 : writer.sequenceId();
        if (first != expected) {
            throw new MalformedPacketException("packets out of order: sequence id " + first + ", expected " + expected);
        }
    }

    private void onHandshake(MysqlPacket packet) {
        if (HandshakeResponse.isSslRequest(packet.payload())) {
            // The decoder has already put TLS in front; the real response follows encrypted.
            overTls = true;
            return;
        }
        HandshakeResponse response = HandshakeResponse.parse(packet.payload());
        phase = Phase.AUTHENTICATION;
        if (authentication.onResponse(response, writer)) {
            openSession();
        }
    }

    private void onAuthentication(MysqlPacket packet) {
        if (authentication.onMoreData(packet.payload(), overTls, writer)) {
            openSession();
        }
    }

    private void openSession() {
        HandshakeResponse response = authentication.response();
        session = server.sessions().open(response.user(), response.database(), connectionId);
        int capabilities = response.capabilities() & Capabilities.SERVER;
        commands = new CommandContext(session, writer, capabilities, server.maxPacketSizeInBytes(), server.registry());
        if (Capabilities.has(capabilities, Capabilities.CLIENT_LOCAL_FILES)) {
            localInfile = new LocalInfileExchange(channel, writer);
            session.clientFiles(localInfile);
        }
        phase = Phase.COMMAND;
        ResponsePackets.ok(writer, 0, 0, commands.status(), 0, "");
        writer.flush();
    }

    private void onCommand(MysqlPacket packet) {
        boolean quit = CommandDispatcher.dispatch(commands, packet.payload());
        server.registry().countQuestion(); // after: a command sent back to wait is counted when it runs again
        if (quit) {
            phase = Phase.CLOSED;
            channel.close();
        }
    }

    /** On the event loop: whether {@code packet} is part of a LOCAL INFILE file being received (then it is taken). */
    boolean takeFilePacket(MysqlPacket packet) {
        LocalInfileExchange exchange = localInfile;
        return exchange != null && exchange.offer(packet);
    }

    /** Answers an error that ends the connection, then closes it. */
    private void fail(ErrorPacket error) {
        writer.abandon();
        ResponsePackets.error(writer, error);
        writer.flush();
        phase = Phase.CLOSED;
        channel.close();
    }

    /** The byte stream broke (framing, size): answers {@code error} and closes. */
    void abort(ErrorPacket error) {
        if (phase != Phase.CLOSED) {
            fail(error);
        }
    }

    /**
     * Whether {@code packet} may run on the IO thread (through {@link #receiveWithoutWaiting}): an execution
     * of a prepared statement the session knows to be quick (a key lookup from a cached plan), or of a
     * cached read or a prepared write whose last execution was short and answered
     * little; or a bare BEGIN, COMMIT or ROLLBACK, sent as a query or prepared. Called only while no command
     * of this connection runs.
     */
    boolean isQuickCommand(MysqlPacket packet) {
        byte[] payload = packet.payload();
        Session current = session;
        if (phase != Phase.COMMAND || current == null || payload.length < 2 || !channel.isWritable()) {
            return false;
        }
        int command = payload[0] & 0xFF;
        if (command == io.strata.protocol.command.Command.QUERY) {
            return payload.length <= MAX_TRANSACTION_CONTROL_BYTES
                    && current.isTransactionControl(new String(payload, 1, payload.length - 1, StandardCharsets.UTF_8));
        }
        if (command != io.strata.protocol.command.Command.STMT_EXECUTE || payload.length < 5) {
            return false;
        }
        int statementId = (payload[1] & 0xFF) | (payload[2] & 0xFF) << 8 | (payload[3] & 0xFF) << 16 | (payload[4] & 0xFF) << 24;
        if (!commands.statements().noLongDataPending(statementId)) {
            return false; // an execution reads the long data once: a second run would lack it
        }
        return current.isQuick(statementId) || current.isPreparedTransactionControl(statementId)
                || (commands.statements().ranQuickly(statementId)
                && (current.isCachedRead(statementId) || current.isPreparedWrite(statementId)));
    }

    /**
     * Runs {@code packet} in the session's mode that never waits. Returns null, having answered nothing,
     * when the command reached a wait (a row lock, a flush that fell behind): the caller must then {@link
     * #receive} it again where waiting is allowed. Otherwise returns a future that completes once the
     * answer is sent: at once, or when a commit the command made is durable; until then the connection
     * must run nothing else.
     */
    CompletableFuture<Void> receiveWithoutWaiting(MysqlPacket packet) {
        Session current = session;
        try {
            current.withoutWaiting(() -> {
                handle(packet);
                return null;
            });
        } catch (WouldWaitException e) {
            return null;
        }
        CompletableFuture<?> durable = commands == null ? null : commands.takeAnswerAwaits();
        return durable == null ? ANSWERED : HeldAnswer.sendWhen(durable, channel, writer, (packet.sequenceId() + 1) & 0xFF);
    }

    /** Cancels the running statement; unless {@code queryOnly}, closes the connection too. Any thread. */
    void kill(boolean queryOnly) {
        Session current = session;
        if (current != null) {
            current.cancel();
        }
        if (!queryOnly) {
            channel.close();
        }
    }

    /** The channel is gone: frees the session. */
    void closed() {
        phase = Phase.CLOSED;
        writer.discard();
        Session current = session;
        session = null;
        if (current != null) {
            current.close();
        }
    }

    private static String hostOf(Channel channel) {
        if (channel.remoteAddress() instanceof InetSocketAddress address) {
            return address.getAddress() == null ? address.getHostString() : address.getAddress().getHostAddress();
        }
        return "localhost";
    }

}
