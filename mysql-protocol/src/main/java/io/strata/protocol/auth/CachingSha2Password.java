package io.strata.protocol.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * caching_sha2_password's scramble: SHA256(password) XOR SHA256(SHA256(SHA256(password)) + nonce).
 * The AuthMoreData bytes of the exchange are constants here.
 */
public final class CachingSha2Password {
    public static final String PLUGIN = "caching_sha2_password";
    /** Client asks for the server's RSA public key. */
    public static final int REQUEST_PUBLIC_KEY = 0x02;
    public static final int FAST_AUTH_SUCCESS = 0x03;
    public static final int PERFORM_FULL_AUTHENTICATION = 0x04;

    private CachingSha2Password() {}

    public static byte[] scramble(String password, byte[] nonce) {
        if (password.isEmpty()) {
            return new byte[0];
        }
        MessageDigest sha256 = sha256();
        byte[] stage1 = sha256.digest(password.getBytes(StandardCharsets.UTF_8));
        byte[] stage2 = sha256.digest(stage1);
        sha256.update(stage2);
        sha256.update(nonce);
        byte[] mask = sha256.digest();
        for (int i = 0; i < stage1.length; i++) {
            stage1[i] ^= mask[i];
        }
        return stage1;
    }

    public static boolean matches(String password, byte[] nonce, byte[] response) {
        return MessageDigest.isEqual(scramble(password, nonce), response);
    }

    /** The key of the fast-auth cache: a digest, so the cache never holds a password. */
    public static String cacheKey(String user, String password) {
        byte[] digest = sha256().digest((user + '\0' + password).getBytes(StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(digest);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
