package io.strata.storage;

import io.minio.errors.ErrorResponseException;
import io.minio.errors.ServerException;
import io.minio.messages.ErrorResponse;
import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.security.InvalidKeyException;
import java.util.concurrent.atomic.AtomicInteger;

import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class S3RetryPolicyTest {
    @Test
    void backoffDoublesFromFiftyMillisecondsAndIsCapped() {
        assertEquals(50, S3RetryPolicy.backoffMs(0));
        assertEquals(100, S3RetryPolicy.backoffMs(1));
        assertEquals(200, S3RetryPolicy.backoffMs(2));
        assertEquals(S3RetryPolicy.MAX_BACKOFF_MS, S3RetryPolicy.backoffMs(10));
        assertEquals(S3RetryPolicy.MAX_BACKOFF_MS, S3RetryPolicy.backoffMs(Integer.MAX_VALUE));
    }

    @Test
    void ioErrorsAreRetriedUntilTheCallSucceeds() {
        AtomicInteger attempts = new AtomicInteger();
        String result = new S3RetryPolicy(3).run("flaky", () -> {
            if (attempts.incrementAndGet() < 3) {
                throw new ConnectException("refused");
            }
            return "ok";
        });
        assertEquals("ok", result);
        assertEquals(3, attempts.get());
    }

    @Test
    void retriesAreBounded() {
        AtomicInteger attempts = new AtomicInteger();
        StrataException error = assertThrows(StrataException.class, () -> new S3RetryPolicy(2).run("down", () -> {
            attempts.incrementAndGet();
            throw new IOException("connection reset");
        }));
        assertEquals(3, attempts.get());
        assertEquals(ErrorCode.ER_STORAGE_FAILURE, error.code());
        assertTrue(error.getMessage().contains("down failed after 3 attempt(s)"), error.getMessage());
    }

    @Test
    void nonRetryableErrorsFailAtOnce() {
        AtomicInteger attempts = new AtomicInteger();
        assertThrows(StrataException.class, () -> new S3RetryPolicy(5).run("bad key", () -> {
            attempts.incrementAndGet();
            throw new InvalidKeyException("bad secret");
        }));
        assertEquals(1, attempts.get());
        StrataException own = StrataException.of(ErrorCode.ER_STORAGE_FAILURE, "object not found: k");
        assertSame(own, assertThrows(StrataException.class, () -> new S3RetryPolicy(5).run("get k", () -> {
            throw own;
        })));
    }

    private static ErrorResponseException s3Error(int status, String code) {
        Response response = new Response.Builder().request(new Request.Builder().url("http://127.0.0.1/b/k").build())
                .protocol(Protocol.HTTP_1_1).code(status).message(code).build();
        return new ErrorResponseException(new ErrorResponse(code, code, "b", "k", "/b/k", "req", "host"), response, "");
    }

    @Test
    void throttlingAndServerErrorsAreRetriedClientErrorsAreNot() {
        assertTrue(S3RetryPolicy.isRetryable(s3Error(503, "SlowDown")));
        assertTrue(S3RetryPolicy.isRetryable(s3Error(429, "TooManyRequests")));
        assertTrue(S3RetryPolicy.isRetryable(s3Error(500, "InternalError")));
        assertTrue(S3RetryPolicy.isRetryable(s3Error(400, "RequestTimeout")));
        assertTrue(S3RetryPolicy.isRetryable(new ServerException("bad gateway", 502, "")));
        assertTrue(S3RetryPolicy.isRetryable(new java.net.SocketTimeoutException("read timed out")));
        assertFalse(S3RetryPolicy.isRetryable(s3Error(404, "NoSuchKey")));
        assertFalse(S3RetryPolicy.isRetryable(s3Error(403, "AccessDenied")));
        assertFalse(S3RetryPolicy.isRetryable(s3Error(403, "SignatureDoesNotMatch")));
        assertFalse(S3RetryPolicy.isRetryable(s3Error(404, "NoSuchBucket")));
        assertTrue(S3RetryPolicy.isNotFound(s3Error(404, "NoSuchKey")));
        assertFalse(S3RetryPolicy.isNotFound(s3Error(404, "NoSuchBucket")), "a missing bucket is not a missing key");
    }

    @Test
    void aNoSuchKeyIsAnsweredAfterOneAttempt() {
        AtomicInteger attempts = new AtomicInteger();
        assertThrows(StrataException.class, () -> new S3RetryPolicy(5).run("get k", () -> {
            attempts.incrementAndGet();
            throw s3Error(404, "NoSuchKey");
        }));
        assertEquals(1, attempts.get());
    }

    @Test
    void aSlowDownIsRetried() {
        AtomicInteger attempts = new AtomicInteger();
        assertEquals("ok", new S3RetryPolicy(5).run("put k", () -> {
            if (attempts.incrementAndGet() == 1) {
                throw s3Error(503, "SlowDown");
            }
            return "ok";
        }));
        assertEquals(2, attempts.get());
    }
}
