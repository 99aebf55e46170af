package io.strata.protocol;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.util.Locale;

/**
 * How the server's event loops talk to the kernel: Linux's epoll through Netty's native transport, or
 * the JDK's NIO selector anywhere. Epoll costs fewer system calls and wake-ups per request (sysbench's
 * short statements spend a third of the server's CPU in the kernel); {@link #AUTO} takes it where its
 * native library loads and NIO elsewhere.
 */
public enum NetworkTransport {
    AUTO,
    EPOLL,
    NIO;

    /** Parses a {@code server.io} setting: {@code auto}, {@code epoll} or {@code nio} (any case). */
    public static NetworkTransport parse(String setting) {
        try {
            return valueOf(setting.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("server.io must be auto, epoll or nio, not '" + setting + "'");
        }
    }

    /**
     * The transport to run: {@link #AUTO} becomes EPOLL or NIO.
     *
     * @throws IllegalStateException if EPOLL was asked for where its native library does not load
     */
    public NetworkTransport resolve() {
        return switch (this) {
            case AUTO -> Epoll.isAvailable() ? EPOLL : NIO;
            case EPOLL -> {
                if (!Epoll.isAvailable()) {
                    throw new IllegalStateException("server.io=epoll, but Netty's epoll transport is not available here "
                            + "(" + Epoll.unavailabilityCause() + "); use server.io=nio or auto");
                }
                yield EPOLL;
            }
            case NIO -> NIO;
        };
    }

    /** Event loops of this (resolved) transport; {@code threads} 0 means Netty's default (twice the cores). */
    EventLoopGroup eventLoops(int threads, String threadPrefix) {
        DefaultThreadFactory factory = new DefaultThreadFactory(threadPrefix, true);
        return switch (this) {
            case EPOLL -> new EpollEventLoopGroup(threads, factory);
            case NIO -> new NioEventLoopGroup(threads, factory);
            case AUTO -> throw new IllegalStateException("resolve() the transport first");
        };
    }

    /** The listening channel class of this (resolved) transport. */
    Class<? extends ServerChannel> serverChannel() {
        return switch (this) {
            case EPOLL -> EpollServerSocketChannel.class;
            case NIO -> NioServerSocketChannel.class;
            case AUTO -> throw new IllegalStateException("resolve() the transport first");
        };
    }
}
