package io.strata.common.error;

import java.util.Objects;

/**
 * The one exception that carries a user-visible error. The protocol layer turns it into a MySQL
 * error packet with {@link ErrorCode#mysqlCode()} and {@link ErrorCode#sqlState()}.
 */
public class StrataException extends RuntimeException {
    private final ErrorCode code;

    public StrataException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public StrataException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** Formats the message with {@link String#format}. */
    public static StrataException of(ErrorCode code, String format, Object... args) {
        return new StrataException(code, String.format(format, args));
    }

    public ErrorCode code() { return code; }
}
