package io.strata.protocol;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.strata.common.session.SessionFactory;
import io.strata.protocol.auth.FastAuthCache;
import io.strata.protocol.auth.TlsMaterial;
import io.strata.protocol.codec.PacketFrameDecoder;
import io.strata.protocol.connection.ConnectionHandler;
import io.strata.protocol.connection.ConnectionRegistry;
import io.strata.protocol.connection.ServerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The MySQL wire-protocol server: accepts clients on Netty event loops and runs each connection's
 * commands, in order, on a bounded worker pool against a {@link io.strata.common.session.Session}.
 * {@link #start} returns once the port is bound; {@link #close} stops accepting, closes every
 * connection and releases the threads.
 */
public final class MysqlServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MysqlServer.class);
    /** The largest client packet accepted after joining 16 MB pieces (MySQL's max_allowed_packet is 64 MB). */
    public static final long MAX_PACKET_SIZE_BYTES = 64L * 1024 * 1024;
    private static final long CLOSE_TIMEOUT_MS = 5_000;

    private final EventLoopGroup bossGroup;
    private final EventLoopGroup ioGroup;
    private final ThreadPoolExecutor workers;
    private final ConnectionRegistry registry;
    private final Channel serverChannel;

    private MysqlServer(EventLoopGroup bossGroup, EventLoopGroup ioGroup, ThreadPoolExecutor workers,
                        ConnectionRegistry registry, Channel serverChannel) {
        this.bossGroup = bossGroup;
        this.ioGroup = ioGroup;
        this.workers = workers;
        this.registry = registry;
        this.serverChannel = serverChannel;
    }

    /**
     * Binds {@code options.host():options.port()} and returns when listening.
     *
     * @throws java.io.UncheckedIOException when the address cannot be bound (e.g. the port is taken)
     */
    public static MysqlServer start(SessionFactory sessions, MysqlServerOptions options) {
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(options, "options");
        TlsMaterial tls = TlsMaterial.loadOrCreate(options.tlsDirectory());
        ConnectionRegistry registry = new ConnectionRegistry(options.maxConnections());
        // One worker per connection at most (each runs its commands serially); idle threads die after a minute.
        ThreadPoolExecutor workers = new ThreadPoolExecutor(0, options.maxConnections(), 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), new DefaultThreadFactory("strata-session", true));
        ServerContext context = new ServerContext(sessions, tls, new FastAuthCache(), registry, workers,
                MAX_PACKET_SIZE_BYTES);
        NetworkTransport transport = options.transport().resolve();
        EventLoopGroup bossGroup = transport.eventLoops(1, "strata-mysql-accept");
        EventLoopGroup ioGroup = transport.eventLoops(0, "strata-mysql-io");
        try {
            ServerBootstrap bootstrap = new ServerBootstrap()
                    .group(bossGroup, ioGroup)
                    .channel(transport.serverChannel())
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 * 1024, 1024 * 1024))
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline().addLast("frames", new PacketFrameDecoder(MAX_PACKET_SIZE_BYTES,
                                    () -> new SslHandler(tls.sslContext().newEngine(channel.alloc()))));
                            channel.pipeline().addLast("connection", new ConnectionHandler(context));
                        }
                    });
            Channel channel = bootstrap.bind(new InetSocketAddress(options.host(), options.port())).syncUninterruptibly().channel();
            MysqlServer server = new MysqlServer(bossGroup, ioGroup, workers, registry, channel);
            LOG.info("MySQL protocol listening on {}:{} ({})", options.host(), server.port(),
                    transport.name().toLowerCase(java.util.Locale.ROOT));
            return server;
        } catch (Exception e) {
            // Netty rethrows the bind's IOException unchecked; release the threads either way.
            bossGroup.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            ioGroup.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            workers.shutdownNow();
            if (e instanceof java.io.IOException io) {
                throw new java.io.UncheckedIOException("cannot listen on " + options.host() + ":" + options.port(), io);
            }
            throw e;
        }
    }

    /** The bound port (the real one when the options asked for port 0). */
    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /**
     * Stops the running statement of connection {@code connectionId} (as {@code KILL QUERY}) and,
     * unless {@code queryOnly}, closes the connection (as {@code KILL}). For the SQL layer's KILL
     * statements; returns false when no such connection is open. Any thread.
     */
    public boolean kill(long connectionId, boolean queryOnly) {
        return registry.kill(connectionId, queryOnly);
    }

    /** Client connections open now (authenticated or not). */
    public int connectionCount() {
        return registry.connectionCount();
    }

    /** Stops accepting, closes every connection, and releases the threads. */
    @Override
    public void close() {
        long started = System.nanoTime();
        serverChannel.close().awaitUninterruptibly(CLOSE_TIMEOUT_MS);
        registry.closeAll();
        bossGroup.shutdownGracefully(0, CLOSE_TIMEOUT_MS, TimeUnit.MILLISECONDS).awaitUninterruptibly(CLOSE_TIMEOUT_MS);
        ioGroup.shutdownGracefully(0, CLOSE_TIMEOUT_MS, TimeUnit.MILLISECONDS).awaitUninterruptibly(CLOSE_TIMEOUT_MS);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(CLOSE_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                LOG.warn("session workers still busy {} ms after close; interrupting them", CLOSE_TIMEOUT_MS);
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
        LOG.info("MySQL protocol on port {} stopped in {} ms", port(), (System.nanoTime() - started) / 1_000_000);
    }
}
