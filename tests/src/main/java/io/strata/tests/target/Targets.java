package io.strata.tests.target;

import java.nio.file.Path;

/**
 * Chooses the server by {@code -Dstrata.test.target=strata|strata-s3|mariadb|external} (default strata;
 * strata-s3 is Strata with its objects on an embedded S3, see {@link StrataOnS3}) and
 * keeps one shared instance for the whole run, stopped by a shutdown hook.
 */
public final class Targets {
    public static final String PROPERTY = "strata.test.target";
    private static ServerTarget shared;
    private static RuntimeException startFailure;

    private Targets() {}

    public static String targetName() {
        String name = System.getProperty(PROPERTY, "strata").trim();
        return name.isEmpty() ? "strata" : name;
    }

    /** The server shared by every suite of this JVM, started on first use. */
    public static synchronized ServerTarget shared() {
        if (startFailure != null) {
            throw new IllegalStateException("the shared " + targetName() + " server failed to start", startFailure);
        }
        if (shared == null) {
            try {
                ServerTarget started = startNew();
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-shared-test-server"));
                shared = started;
            } catch (RuntimeException e) {
                // Remembered, so that every suite reports the cause at once instead of starting again.
                startFailure = e;
                throw e;
            }
        }
        return shared;
    }

    /** A new server of the chosen kind on a temporary data directory; the caller closes it. */
    public static ServerTarget startNew() {
        return switch (targetName()) {
            case "strata" -> StrataInProcess.startTemporary();
            case "strata-s3" -> StrataOnS3.startInProcess();
            case "mariadb" -> MariaDbServer.startTemporary();
            case "external" -> new ExternalServer();
            default -> throw new IllegalArgumentException("unknown -D" + PROPERTY + "=" + targetName()
                    + " (use strata, strata-s3, mariadb or external)");
        };
    }

    /**
     * A server of the chosen kind running as its own process on {@code directory}, not yet started;
     * null for an external target (it cannot be restarted from here). The caller closes it after the
     * last kill or stop: for strata-s3 that also stops the S3 the process keeps its objects in.
     */
    public static RestartableServer restartableOn(Path directory) {
        return switch (targetName()) {
            case "strata" -> StrataProcess.on(directory.resolve("data"), directory.resolve("strata.log"));
            case "strata-s3" -> StrataOnS3.processOn(directory);
            case "mariadb" -> MariaDbServer.on(directory);
            default -> null;
        };
    }
}
