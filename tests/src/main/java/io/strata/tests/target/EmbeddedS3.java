package io.strata.tests.target;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * A real S3 endpoint in this JVM: S3Proxy bound to 127.0.0.1, on jclouds' in-memory blob store or on
 * a directory. The blob store outlives the HTTP endpoint: {@link #stop()} and {@link #start()} take S3
 * away and bring it back on the same port with the same objects, and a Strata child process that is
 * killed leaves its objects here. Credentials are fixed ({@link #ACCESS_KEY}, {@link #SECRET_KEY}).
 */
public final class EmbeddedS3 implements AutoCloseable {
    public static final String ACCESS_KEY = "strata-access";
    public static final String SECRET_KEY = "strata-secret-key";
    private static final long START_TIMEOUT_MS = 10_000;

    private final BlobStoreContext context;
    private S3Proxy proxy;  // null while stopped
    private int port;       // 0 until the first start picks one

    private EmbeddedS3(BlobStoreContext context) {
        this.context = context;
    }

    /** Objects in memory; they live as long as this object. Started. */
    public static EmbeddedS3 inMemory() {
        EmbeddedS3 s3 = new EmbeddedS3(ContextBuilder.newBuilder("transient").credentials("identity", "credential")
                .overrides(new Properties()).build(BlobStoreContext.class));
        s3.start();
        return s3;
    }

    /** Objects as files under {@code directory} (one sub-directory per bucket). Started. */
    public static EmbeddedS3 onDirectory(Path directory) {
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", Objects.requireNonNull(directory, "directory").toString());
        EmbeddedS3 s3 = new EmbeddedS3(ContextBuilder.newBuilder("filesystem").credentials("identity", "credential")
                .overrides(properties).build(BlobStoreContext.class));
        s3.start();
        return s3;
    }

    /** Serves S3 again, on the port of the first start (a free one the first time). */
    public synchronized void start() {
        if (proxy != null) {
            throw new IllegalStateException("S3Proxy already runs on port " + port);
        }
        S3Proxy started = S3Proxy.builder().blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
        try {
            started.start();
            long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
            while (!"STARTED".equals(started.getState())) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("S3Proxy did not start within " + START_TIMEOUT_MS + " ms");
                }
                Thread.sleep(5);
            }
        } catch (Exception e) {
            stopQuietly(started);
            throw new IllegalStateException("cannot start S3Proxy on 127.0.0.1:" + port, e);
        }
        proxy = started;
        port = started.getPort();
    }

    /** Stops serving (connections are refused); the objects stay. */
    public synchronized void stop() {
        if (proxy != null) {
            try {
                proxy.stop();
            } catch (Exception e) {
                throw new IllegalStateException("cannot stop S3Proxy on port " + port, e);
            } finally {
                proxy = null;
            }
        }
    }

    public synchronized int port() {
        return port;
    }

    public synchronized String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** The settings that make Strata keep its objects in {@code bucket} at {@code endpoint} (this one, or a proxy in front). */
    public static Map<String, String> strataSettings(String endpoint, String bucket) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("storage.type", "s3");
        settings.put("storage.s3.endpoint", endpoint);
        settings.put("storage.s3.bucket", bucket);
        settings.put("storage.s3.access-key", ACCESS_KEY);
        settings.put("storage.s3.secret-key", SECRET_KEY);
        return settings;
    }

    public Map<String, String> strataSettings(String bucket) {
        return strataSettings(endpoint(), bucket);
    }

    @Override
    public synchronized void close() {
        try {
            stop();
        } finally {
            context.close();
        }
    }

    private static void stopQuietly(S3Proxy proxy) {
        try {
            proxy.stop();
        } catch (Exception e) {
            System.err.println("S3Proxy did not stop after a failed start: " + e);
        }
    }
}
