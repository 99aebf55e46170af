package io.strata.server;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

import java.net.URI;
import java.util.Map;
import java.util.Properties;

/** S3Proxy on jclouds' in-memory blob store, bound to 127.0.0.1 on a free port: a real S3 endpoint for tests. */
final class LoopbackS3 implements AutoCloseable {
    static final String ACCESS_KEY = "strata-access";
    static final String SECRET_KEY = "strata-secret-key";
    private static final long START_TIMEOUT_MS = 10_000;

    private final BlobStoreContext context;
    private final S3Proxy proxy;

    private LoopbackS3(BlobStoreContext context, S3Proxy proxy) {
        this.context = context;
        this.proxy = proxy;
    }

    static LoopbackS3 start() throws Exception {
        BlobStoreContext context = ContextBuilder.newBuilder("transient").credentials("identity", "credential")
                .overrides(new Properties()).build(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder().blobStore(context.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
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
        return new LoopbackS3(context, proxy);
    }

    /** The {@code storage.*} settings that point Strata at {@code bucket} here. */
    Map<String, String> settings(String bucket) {
        return Map.of("storage.type", "s3", "storage.s3.endpoint", "http://127.0.0.1:" + proxy.getPort(),
                "storage.s3.bucket", bucket, "storage.s3.access-key", ACCESS_KEY, "storage.s3.secret-key", SECRET_KEY,
                "storage.s3.timeout-ms", "5000", "storage.s3.max-retries", "2");
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
