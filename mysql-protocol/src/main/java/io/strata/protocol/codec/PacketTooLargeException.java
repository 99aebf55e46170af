package io.strata.protocol.codec;

/** A client packet (after joining its 16 MB pieces) exceeds the server's bound; the connection is closed. */
public final class PacketTooLargeException extends RuntimeException {
    public PacketTooLargeException(long sizeInBytes, long maxSizeInBytes) {
        super("packet of " + sizeInBytes + " bytes exceeds the limit of " + maxSizeInBytes + " bytes");
    }
}
