package io.strata.txn.log;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waiting for a log future with a bound, turning failures into ER_STORAGE_FAILURE. */
public final class LogFutures {
    /** A healthy fsync takes milliseconds; a minute means the disk is gone. */
    private static final long TIMEOUT_SECONDS = 60;

    private LogFutures() {}

    public static long await(CompletableFuture<Long> future) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StrataException(ErrorCode.ER_STORAGE_FAILURE, "interrupted while waiting for the log", e);
        } catch (TimeoutException e) {
            throw new StrataException(ErrorCode.ER_STORAGE_FAILURE, "the log did not become durable in time", e);
        } catch (ExecutionException e) {
            throw failure(e.getCause());
        }
    }

    /** {@code future}, failed with a TimeoutException if it has not completed within the bound {@link #await} uses. */
    public static CompletableFuture<Long> bounded(CompletableFuture<Long> future) {
        return future.orTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** The error a failed log future reports: a StrataException's own code, else ER_STORAGE_FAILURE. */
    public static StrataException failure(Throwable cause) {
        Throwable unwrapped = cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null
                ? cause.getCause() : cause;
        if (unwrapped instanceof StrataException strata) {
            return new StrataException(strata.code(), strata.getMessage(), strata);
        }
        if (unwrapped instanceof TimeoutException) {
            return new StrataException(ErrorCode.ER_STORAGE_FAILURE, "the log did not become durable in time", unwrapped);
        }
        return new StrataException(ErrorCode.ER_STORAGE_FAILURE, "log append failed: " + unwrapped, unwrapped);
    }
}
