package io.strata.tests.target;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Strata with {@code storage.type=s3} on an {@link EmbeddedS3} (in memory) of its own, which closing
 * the server also closes: the target {@code strata-s3}. Strata flushes its logtail into objects every
 * {@code -Dstrata.test.s3.flushRows} (default 1) committed rows, so that reads go to S3 objects rather
 * than to the logtail in memory.
 */
public final class StrataOnS3 {
    public static final String BUCKET = "strata";

    private StrataOnS3() {}

    /** The settings that put Strata's objects in {@code bucket} at {@code endpoint} and flush often. */
    public static Map<String, String> settings(String endpoint, String bucket) {
        Map<String, String> settings = new LinkedHashMap<>(EmbeddedS3.strataSettings(endpoint, bucket));
        settings.put("txn.flush-threshold-rows", Long.toString(Long.getLong("strata.test.s3.flushRows", 1)));
        return settings;
    }

    /** Strata in this JVM on a new in-memory S3; close() stops both. */
    public static StrataInProcess startInProcess() {
        EmbeddedS3 s3 = EmbeddedS3.inMemory();
        try {
            return StrataInProcess.startTemporary(settings(s3.endpoint(), BUCKET), s3);
        } catch (RuntimeException e) {
            s3.close();
            throw e;
        }
    }

    /** Strata as a child process on {@code directory}, on a new in-memory S3 in this JVM that outlives the process; close() stops both. */
    public static StrataProcess processOn(Path directory) {
        EmbeddedS3 s3 = EmbeddedS3.inMemory();
        return StrataProcess.on(directory.resolve("data"), directory.resolve("strata.log"), settings(s3.endpoint(), BUCKET), s3);
    }
}
