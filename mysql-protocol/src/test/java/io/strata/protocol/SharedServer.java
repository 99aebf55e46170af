package io.strata.protocol;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One {@link ServerFixture} for all the tests of a class, with a TLS directory of its own:
 * {@code @RegisterExtension static final SharedServer fixture = new SharedServer();}.
 */
final class SharedServer implements BeforeAllCallback, AfterAllCallback {
    private Path tls;
    private ServerFixture server;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        tls = Files.createTempDirectory("strata-tls");
        server = new ServerFixture(tls);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (server != null) {
            server.close();
        }
        try (Stream<Path> files = Files.walk(tls)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    int port() {
        return server.port();
    }

    String mysqlUrl(String database, String properties) {
        return server.mysqlUrl(database, properties);
    }

    String mariadbUrl(String database, String properties) {
        return server.mariadbUrl(database, properties);
    }
}
