package io.strata.storage;

import io.minio.errors.ErrorResponseException;
import io.minio.errors.ServerException;
import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs one S3 call with bounded retries and exponential backoff (50 ms doubling, capped at 2 s, with
 * jitter so throttled clients do not retry in step). Retried: throttling (503 SlowDown, 429), any 5xx
 * and I/O errors (refused connections, timeouts). Never retried: 4xx such as NoSuchKey or AccessDenied,
 * which another attempt cannot fix.
 */
final class S3RetryPolicy {
    static final long BASE_BACKOFF_MS = 50;
    static final long MAX_BACKOFF_MS = 2_000;
    /** S3 error codes worth another attempt even when the status is 4xx (RequestTimeout is a 400). */
    private static final Set<String> RETRYABLE_CODES =
            Set.of("SlowDown", "InternalError", "ServiceUnavailable", "RequestTimeout");
    private static final Set<String> NOT_FOUND_CODES = Set.of("NoSuchKey", "NoSuchObject");

    /** One S3 call; MinIO's client methods throw a handful of checked exceptions. */
    @FunctionalInterface
    interface S3Call<T> {
        T run() throws Exception;
    }

    private final int maxRetries;

    S3RetryPolicy(int maxRetries) {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative: " + maxRetries);
        }
        this.maxRetries = maxRetries;
    }

    /** Runs {@code call}; on final failure throws ER_STORAGE_FAILURE naming {@code what} and the attempts made. */
    <T> T run(String what, S3Call<T> call) {
        for (int attempt = 0; ; attempt++) {
            try {
                return call.run();
            } catch (StrataException e) {
                throw e;
            } catch (Exception e) {
                if (!isRetryable(e) || attempt >= maxRetries) {
                    throw failure(what, attempt + 1, e);
                }
                sleepBeforeRetry(what, attempt, e);
            }
        }
    }

    /** True for a 404 on a key: the caller turns it into "object not found". */
    static boolean isNotFound(Throwable e) {
        return e instanceof ErrorResponseException error
                && (NOT_FOUND_CODES.contains(error.errorResponse().code())
                    || (error.response() != null && error.response().code() == 404
                        && !"NoSuchBucket".equals(error.errorResponse().code())));
    }

    static boolean isRetryable(Throwable e) {
        if (e instanceof IOException || e instanceof ServerException) {
            return true;
        }
        if (e instanceof ErrorResponseException error) {
            int status = error.response() == null ? 0 : error.response().code();
            return status == 429 || status >= 500 || RETRYABLE_CODES.contains(error.errorResponse().code());
        }
        return false;
    }

    static long backoffMs(int attempt) {
        long exponential = BASE_BACKOFF_MS << Math.min(attempt, 20);
        return Math.min(exponential, MAX_BACKOFF_MS);
    }

    private static void sleepBeforeRetry(String what, int attempt, Exception cause) {
        long backoff = backoffMs(attempt);
        long jittered = backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1);
        try {
            Thread.sleep(jittered);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            StrataException error = failure(what, attempt + 1, cause);
            error.addSuppressed(interrupted);
            throw error;
        }
    }

    private static StrataException failure(String what, int attempts, Exception e) {
        String reason = e instanceof ErrorResponseException error
                ? error.errorResponse().code() + ": " + error.errorResponse().message()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        return new StrataException(ErrorCode.ER_STORAGE_FAILURE,
                "object store (S3): " + what + " failed after " + attempts + " attempt(s): " + reason, e);
    }
}
