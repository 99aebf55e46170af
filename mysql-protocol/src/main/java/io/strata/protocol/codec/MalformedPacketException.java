package io.strata.protocol.codec;

/**
 * A client packet does not follow the protocol (truncated, bad length prefix, wrong sequence id).
 * The connection cannot trust its framing any more, so it is answered with an error and closed.
 */
public final class MalformedPacketException extends RuntimeException {
    public MalformedPacketException(String detail) {
        super("Malformed packet: " + detail);
    }
}
