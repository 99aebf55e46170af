package io.strata.protocol.codec;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;

import java.util.Objects;

/**
 * The content of an ERR packet. Built from a {@link StrataException}, or, for the few protocol-level
 * errors {@link ErrorCode} has no entry for (1040 too many connections, 1094 unknown thread), from
 * their MySQL numbers directly.
 */
public record ErrorPacket(int code, String sqlState, String message) {
    public static final ErrorPacket TOO_MANY_CONNECTIONS = new ErrorPacket(1040, "08004", "Too many connections");

    public ErrorPacket {
        Objects.requireNonNull(sqlState, "sqlState");
        Objects.requireNonNull(message, "message");
        if (sqlState.length() != 5) {
            throw new IllegalArgumentException("SQLSTATE must have 5 characters: " + sqlState);
        }
    }

    public static ErrorPacket of(StrataException error) {
        ErrorCode code = error.code();
        return new ErrorPacket(code.mysqlCode(), code.sqlState(), String.valueOf(error.getMessage()));
    }

    public static ErrorPacket of(ErrorCode code, String message) {
        return new ErrorPacket(code.mysqlCode(), code.sqlState(), message);
    }

    public static ErrorPacket unknownThread(long id) {
        return new ErrorPacket(1094, "HY000", "Unknown thread id: " + id);
    }
}
