package io.strata.protocol;

import io.strata.protocol.memory.MemorySessionFactory;

import java.nio.file.Path;

/** A MysqlServer on 127.0.0.1, a free port, over the in-memory test sessions. */
final class ServerFixture implements AutoCloseable {
    final MemorySessionFactory sessions = new MemorySessionFactory();
    final MysqlServer server;

    ServerFixture(Path tlsDirectory) {
        this(tlsDirectory, 64);
    }

    ServerFixture(Path tlsDirectory, int maxConnections) {
        this(tlsDirectory, maxConnections, NetworkTransport.AUTO);
    }

    ServerFixture(Path tlsDirectory, int maxConnections, NetworkTransport transport) {
        server = MysqlServer.start(sessions, new MysqlServerOptions("127.0.0.1", 0, tlsDirectory, maxConnections, transport));
    }

    int port() {
        return server.port();
    }

    String mysqlUrl(String database, String properties) {
        return "jdbc:mysql://127.0.0.1:" + port() + "/" + database + "?" + properties;
    }

    String mariadbUrl(String database, String properties) {
        return "jdbc:mariadb://127.0.0.1:" + port() + "/" + database + "?" + properties;
    }

    @Override
    public void close() {
        server.close();
    }
}
