package io.strata.sql;

import io.strata.common.config.StrataConfig;
import io.strata.common.session.Session;
import io.strata.common.session.SessionFactory;
import io.strata.sql.session.ServerContext;
import io.strata.sql.session.SqlSession;
import io.strata.sql.session.SystemVariables;
import io.strata.txn.TxnService;
import org.apache.arrow.memory.BufferAllocator;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The SQL frontend behind the MySQL protocol: opens {@link SqlSession}s over a transaction service.
 * The user, password and announced version come from {@code server.user}, {@code server.password}
 * and {@code server.version}; statements spill to {@code memory.spill-dir} (the server resolves its
 * default, {@code data.dir/spill}; without it the system's temporary directory).
 */
public final class SqlSessionFactory implements SessionFactory {
    static {
        io.strata.sql.parser.CalciteDefaults.install();
    }

    private final StrataConfig config;
    private final ServerContext server;

    public SqlSessionFactory(TxnService txn, BufferAllocator allocator, StrataConfig config) {
        Objects.requireNonNull(txn, "txn");
        Objects.requireNonNull(allocator, "allocator");
        this.config = Objects.requireNonNull(config, "config");
        SystemVariables globals = SystemVariables.globals(serverVersion(),
                Long.parseLong(config.get("server.max-connections", "1024")),
                Long.parseLong(config.get("server.port", "6001")));
        globals.set("strata_query_memory_limit", config.getLong("memory.query-limit-bytes"));
        // LOAD DATA LOCAL needs the client's consent too (it announces CLIENT_LOCAL_FILES only when told to),
        // so Strata allows it by default, as MySQL 5.7 and MariaDB do; MySQL 8.0's default is OFF.
        globals.define("local_infile", config.get("load.local-infile", "ON"));
        String secureFilePriv = config.get("load.secure-file-priv", "");
        if (!secureFilePriv.isBlank()) {
            globals.define("secure_file_priv", secureFilePriv); // unset: no server-side file may be read
        }
        this.server = new ServerContext(txn, allocator, globals, new AtomicLong(), new ConcurrentHashMap<>(),
                new io.strata.sql.session.NoWaitCounters(), new io.strata.sql.plan.SharedPlans(),
                spillDirectory(config));
    }

    private static Path spillDirectory(StrataConfig config) {
        String configured = config.get("memory.spill-dir", "");
        return Path.of(configured.isBlank() ? System.getProperty("java.io.tmpdir") : configured);
    }

    @Override
    public String serverVersion() {
        return config.get("server.version", "8.0.30-Strata-0.1");
    }

    @Override
    public Optional<String> passwordOf(String user) {
        if (user != null && user.equals(config.get("server.user", "root"))) {
            return Optional.of(config.get("server.password", ""));
        }
        return Optional.empty();
    }

    @Override
    public Session open(String user, String database, long connectionId) {
        return new SqlSession(server, user, database, connectionId);
    }
}
