package io.strata.protocol.codec;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;

import java.util.Objects;

/**
 * The content of an ERR packet, built from a {@link StrataException} or an {@link ErrorCode}.
 */
public record ErrorPacket(int code, String sqlState, String message) {
    public static final ErrorPacket TOO_MANY_CONNECTIONS = of(ErrorCode.ER_CON_COUNT_ERROR, "Too many connections");

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
        return of(ErrorCode.ER_NO_SUCH_THREAD, "Unknown thread id: " + id);
    }
}
