package io.strata.protocol.codec;

import java.util.Objects;

/**
 * One logical client packet: its sequence id and its payload, already joined when the client split
 * it into 16 MB pieces. The payload array is owned by the receiver and never changed.
 */
public record MysqlPacket(int sequenceId, byte[] payload) {
    public MysqlPacket {
        Objects.requireNonNull(payload, "payload");
        if (sequenceId < 0 || sequenceId > 255) {
            throw new IllegalArgumentException("sequence id out of range: " + sequenceId);
        }
    }

    /** The first payload byte (the command of a command packet), or -1 for an empty payload. */
    public int firstByte() {
        return payload.length == 0 ? -1 : payload[0] & 0xFF;
    }
}
