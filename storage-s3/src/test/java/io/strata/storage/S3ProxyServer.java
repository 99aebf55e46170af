package io.strata.storage;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

import java.net.URI;
import java.time.Duration;
import java.util.Properties;

/** A real S3 endpoint for tests: S3Proxy on jclouds' in-memory ("transient") blob store, on 127.0.0.1 only. */
public final class S3ProxyServer implements AutoCloseable {
    public static final String ACCESS_KEY = "strata-access";
    public static final String SECRET_KEY = "strata-secret-key";
    private static final long START_TIMEOUT_MS = 10_000;

    private final BlobStoreContext context;
    private final S3Proxy proxy;

    private S3ProxyServer(BlobStoreContext context, S3Proxy proxy) {
        this.context = context;
        this.proxy = proxy;
    }

    public static S3ProxyServer start() throws Exception {
        BlobStoreContext context = ContextBuilder.newBuilder("transient")
                .credentials("identity", "credential")
                .overrides(new Properties())
                .build(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.currentTimeMillis() > deadline) {
                proxy.stop();
                context.close();
                throw new IllegalStateException("S3Proxy did not start within " + START_TIMEOUT_MS + " ms");
            }
            Thread.sleep(5);
        }
        return new S3ProxyServer(context, proxy);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + proxy.getPort();
    }

    public S3ObjectStoreConfig config(String bucket, String prefix, int maxRetries) {
        return new S3ObjectStoreConfig(endpoint(), bucket, "us-east-1", ACCESS_KEY, SECRET_KEY, prefix,
                Duration.ofSeconds(5), maxRetries);
    }

    public void stop() throws Exception {
        proxy.stop();
    }

    @Override
    public void close() throws Exception {
        try {
            proxy.stop();
        } finally {
            context.close();
        }
    }
}
