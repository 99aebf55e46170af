package io.strata.storage;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;

import java.util.regex.Pattern;

/** The rule every object key follows, whatever the store: relative {@code [a-zA-Z0-9._-]} segments joined by '/'. */
public final class ObjectKeys {
    private static final Pattern SEGMENT = Pattern.compile("[a-zA-Z0-9._-]+");
    /** S3 limits keys to 1024 bytes. */
    private static final int MAX_KEY_LENGTH = 1024;

    private ObjectKeys() {}

    /** Returns {@code key} if valid; throws ER_STORAGE_FAILURE otherwise. */
    public static String validate(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw StrataException.of(ErrorCode.ER_STORAGE_FAILURE, "invalid object key: %s", key);
        }
        for (String segment : key.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
                throw StrataException.of(ErrorCode.ER_STORAGE_FAILURE, "invalid object key: %s", key);
            }
        }
        return key;
    }

    /** A prefix may be empty or end in '/'; otherwise it follows the key rule up to its last segment. */
    public static String validatePrefix(String prefix) {
        if (prefix == null) {
            throw StrataException.of(ErrorCode.ER_STORAGE_FAILURE, "null object key prefix");
        }
        if (prefix.isEmpty()) {
            return prefix;
        }
        String body = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        validate(body);
        return prefix;
    }
}
