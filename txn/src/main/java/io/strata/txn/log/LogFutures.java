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
            if (e.getCause() instanceof StrataException strata) {
                throw new StrataException(strata.code(), strata.getMessage(), strata);
            }
            throw new StrataException(ErrorCode.ER_STORAGE_FAILURE, "log append failed: " + e.getCause(), e.getCause());
        }
    }
}
