package io.strata.protocol.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * mysql_native_password: the client sends SHA1(password) XOR SHA1(scramble + SHA1(SHA1(password))).
 * Strata knows the clear-text password, so it computes the expected answer and compares.
 */
public final class NativePassword {
    public static final String PLUGIN = "mysql_native_password";

    private NativePassword() {}

    public static byte[] scramble(String password, byte[] nonce) {
        if (password.isEmpty()) {
            return new byte[0];
        }
        MessageDigest sha1 = sha1();
        byte[] stage1 = sha1.digest(password.getBytes(StandardCharsets.UTF_8));
        byte[] stage2 = sha1.digest(stage1);
        sha1.update(nonce);
        sha1.update(stage2);
        byte[] mask = sha1.digest();
        for (int i = 0; i < stage1.length; i++) {
            stage1[i] ^= mask[i];
        }
        return stage1;
    }

    public static boolean matches(String password, byte[] nonce, byte[] response) {
        return MessageDigest.isEqual(scramble(password, nonce), response);
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}
