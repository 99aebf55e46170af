package io.strata.protocol.auth;

import java.security.SecureRandom;

/** The 20-byte nonce of the handshake that clients hash their password with. */
public final class Scramble {
    public static final int LENGTH = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Scramble() {}

    /**
     * Printable ASCII without NUL: some clients treat the scramble as a C string, and the handshake
     * carries it NUL-terminated.
     */
    public static byte[] generate() {
        byte[] bytes = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            bytes[i] = (byte) (0x21 + RANDOM.nextInt(0x7E - 0x21 + 1));
        }
        return bytes;
    }
}
