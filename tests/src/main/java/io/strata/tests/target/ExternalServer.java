package io.strata.tests.target;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A server somebody else started (for example {@code ./strata start}): -Dstrata.test.host (127.0.0.1),
 * -Dstrata.test.port (6001), -Dstrata.test.user (root), -Dstrata.test.password (111),
 * -Dstrata.test.engines (comma-separated names for skipif/onlyif; "strata,mysql").
 */
public final class ExternalServer implements ServerTarget {
    private final String host = System.getProperty("strata.test.host", "127.0.0.1");
    private final int port = Integer.getInteger("strata.test.port", 6001);
    private final String user = System.getProperty("strata.test.user", "root");
    private final String password = System.getProperty("strata.test.password", "111");
    private final Set<String> engines = Arrays.stream(System.getProperty("strata.test.engines", "strata,mysql").split(","))
            .map(String::trim).filter(name -> !name.isEmpty()).collect(Collectors.toUnmodifiableSet());

    @Override
    public String name() {
        return "external";
    }

    @Override
    public Set<String> engineNames() {
        return engines;
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public String password() {
        return password;
    }

    /** The server is not ours to stop. */
    @Override
    public void close() {
    }
}
