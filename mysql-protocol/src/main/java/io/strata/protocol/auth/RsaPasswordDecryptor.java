package io.strata.protocol.auth;

import javax.crypto.Cipher;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.util.Optional;

/**
 * caching_sha2_password's full authentication without TLS: the client encrypts
 * (password + NUL) XOR scramble with the server's RSA public key, OAEP padding (as MySQL 8.0.5+).
 */
public final class RsaPasswordDecryptor {
    private RsaPasswordDecryptor() {}

    /** The clear-text password, or empty when the bytes do not decrypt (a wrong key or garbage). */
    public static Optional<String> decrypt(PrivateKey key, byte[] nonce, byte[] encrypted) {
        byte[] plain;
        try {
            Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPWithSHA-1AndMGF1Padding");
            cipher.init(Cipher.DECRYPT_MODE, key);
            plain = cipher.doFinal(encrypted);
        } catch (GeneralSecurityException e) {
            // Not a server bug: the client sent bytes that are not our ciphertext; it is denied access.
            return Optional.empty();
        }
        for (int i = 0; i < plain.length; i++) {
            plain[i] ^= nonce[i % nonce.length];
        }
        int length = plain.length;
        if (length > 0 && plain[length - 1] == 0) {
            length--;
        }
        return Optional.of(new String(plain, 0, length, StandardCharsets.UTF_8));
    }
}
