package io.strata.storage.format;

import io.strata.storage.ObjectStore;
import io.strata.storage.S3ObjectStore;
import io.strata.storage.S3ProxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The columnar format's tests through S3: DataObjectWriter's object goes up with one PUT and
 * DataObjectReader fetches only the trailer, the footer and the chunks it needs with ranged GETs.
 */
class DataObjectFormatS3Test extends DataObjectFormatTest {
    private static final AtomicInteger BUCKETS = new AtomicInteger();
    private static S3ProxyServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3ProxyServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Override
    ObjectStore openStore() {
        return new S3ObjectStore(server.config("format-" + BUCKETS.incrementAndGet(), "", 2));
    }
}
