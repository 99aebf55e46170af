package io.strata.protocol;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How the MySQL server listens.
 *
 * @param host           the address to bind, e.g. {@code 127.0.0.1}
 * @param port           the port to bind; 0 picks a free port (see {@link MysqlServer#port()})
 * @param tlsDirectory   where the self-signed certificate, its key and the RSA key pair for
 *                       caching_sha2_password live; created at first start, reused afterwards
 * @param maxConnections connections beyond this many are refused with error 1040
 * @param transport      the event loops' transport ({@code server.io})
 */
public record MysqlServerOptions(String host, int port, Path tlsDirectory, int maxConnections, NetworkTransport transport) {
    public MysqlServerOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(tlsDirectory, "tlsDirectory");
        Objects.requireNonNull(transport, "transport");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (maxConnections <= 0) {
            throw new IllegalArgumentException("maxConnections must be positive: " + maxConnections);
        }
    }

    /** Options with the transport chosen by {@link NetworkTransport#AUTO}. */
    public MysqlServerOptions(String host, int port, Path tlsDirectory, int maxConnections) {
        this(host, port, tlsDirectory, maxConnections, NetworkTransport.AUTO);
    }
}
