package io.strata.tests.target;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Strata in this JVM: {@code StrataServer.start(StrataConfig.defaults().with("server.port","0")
 * .with("data.dir", dir))} plus any further settings (e.g. {@code storage.type=s3}). Loaded by reflection so that the tests and benchmarks compile without
 * the server module; it must be on the runtime classpath (the default Maven profile puts it there).
 */
public final class StrataInProcess implements ServerTarget {
    public static final String USER = "root";
    public static final String PASSWORD = "111";

    private final Object server;
    private final Path dataDirectory;
    private final boolean ownsDirectory;
    private final int port;
    private final AutoCloseable storage; // closed after the server; null when the server owns all its storage

    private StrataInProcess(Object server, Path dataDirectory, boolean ownsDirectory, int port, AutoCloseable storage) {
        this.server = server;
        this.dataDirectory = dataDirectory;
        this.ownsDirectory = ownsDirectory;
        this.port = port;
        this.storage = storage;
    }

    /** Starts on a new temporary data directory, removed again by close(). */
    public static StrataInProcess startTemporary() {
        return start(TempDirectories.create("strata-data-"), true, Map.of(), null);
    }

    /**
     * Starts on a new temporary data directory with {@code settings} on top of the defaults; close()
     * stops the server, then closes {@code storage} (e.g. the S3 endpoint the settings point at; may be null).
     */
    public static StrataInProcess startTemporary(Map<String, String> settings, AutoCloseable storage) {
        return start(TempDirectories.create("strata-data-"), true, settings, storage);
    }

    /** Starts on {@code dataDirectory}; close() keeps the data. */
    public static StrataInProcess startOn(Path dataDirectory) {
        return start(dataDirectory, false, Map.of(), null);
    }

    private static StrataInProcess start(Path dataDirectory, boolean ownsDirectory, Map<String, String> settings,
                                         AutoCloseable storage) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(settings, "settings");
        try {
            Class<?> configClass = Class.forName("io.strata.common.config.StrataConfig");
            Class<?> serverClass = Class.forName("io.strata.server.StrataServer");
            Method with = configClass.getMethod("with", String.class, String.class);
            Object config = configClass.getMethod("defaults").invoke(null);
            config = with.invoke(config, "server.port", "0");
            config = with.invoke(config, "data.dir", dataDirectory.toString());
            for (Map.Entry<String, String> setting : settings.entrySet()) {
                config = with.invoke(config, setting.getKey(), setting.getValue());
            }
            Object server = serverClass.getMethod("start", configClass).invoke(null, config);
            int port = (int) serverClass.getMethod("port").invoke(server);
            return new StrataInProcess(server, dataDirectory, ownsDirectory, port, storage);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("io.strata.server.StrataServer is not on the classpath: install the server "
                    + "module, or run against MariaDB with -Dstrata.test.target=mariadb -Dstrata.noServer", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Strata failed to start on " + dataDirectory, e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("StrataServer/StrataConfig do not have the expected API", e);
        }
    }

    @Override
    public String name() {
        return "strata";
    }

    @Override
    public Set<String> engineNames() {
        return Set.of("strata", "mysql");
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String user() {
        return USER;
    }

    @Override
    public String password() {
        return PASSWORD;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() {
        try {
            server.getClass().getMethod("close").invoke(server);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Strata failed to close", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("StrataServer has no close()", e);
        } finally {
            try {
                if (storage != null) {
                    storage.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException("the server's storage failed to close", e);
            } finally {
                if (ownsDirectory) {
                    TempDirectories.deleteRecursively(dataDirectory);
                }
            }
        }
    }
}
