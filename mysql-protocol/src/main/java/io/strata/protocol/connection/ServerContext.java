package io.strata.protocol.connection;

import io.strata.common.session.SessionFactory;
import io.strata.protocol.auth.FastAuthCache;
import io.strata.protocol.auth.TlsMaterial;

import java.util.Objects;
import java.util.concurrent.Executor;

/** What every connection of one server shares. */
public record ServerContext(SessionFactory sessions, TlsMaterial tls, FastAuthCache fastAuthCache,
                            ConnectionRegistry registry, Executor workers, long maxPacketSizeInBytes) {
    public ServerContext {
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(fastAuthCache, "fastAuthCache");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(workers, "workers");
    }
}
