package io.strata.compute.expression;

import io.strata.common.type.StringCollation;

/**
 * SQL LIKE with {@code %} (any run) and {@code _} (one character), an escape character (backslash
 * unless {@code ESCAPE} names another) making the next one literal, matched under {@link StringCollation}
 * (case- and accent-insensitive). Immutable; one instance per pattern.
 */
public final class LikeMatcher {
    private static final int ANY_RUN = -1;
    private static final int ANY_ONE = -2;

    /** The pattern as folded code points, with wildcards as negative markers. */
    private final int[] tokens;

    public LikeMatcher(String pattern) {
        this(pattern, '\\');
    }

    /** {@code escape} is a code point, or -1 for none (MySQL's {@code ESCAPE ''}). */
    public LikeMatcher(String pattern, int escape) {
        String folded = StringCollation.fold(pattern);
        if (escape >= 0) {
            escape = StringCollation.fold(new String(Character.toChars(escape))).codePoints().findFirst().orElse(escape);
        }
        int[] points = folded.codePoints().toArray();
        int[] parsed = new int[points.length];
        int count = 0;
        for (int i = 0; i < points.length; i++) {
            int c = points[i];
            if (c == escape && i + 1 < points.length) {
                parsed[count++] = points[++i];
            } else if (c == '%') {
                parsed[count++] = ANY_RUN;
            } else if (c == '_') {
                parsed[count++] = ANY_ONE;
            } else {
                parsed[count++] = c;
            }
        }
        this.tokens = java.util.Arrays.copyOf(parsed, count);
    }

    public boolean matches(String text) {
        int[] value = StringCollation.fold(text).codePoints().toArray();
        return matches(value, null, 0, value.length);
    }

    /**
     * Whether the UTF-8 text {@code bytes[from, to)} matches: ASCII text is matched byte by byte, lower-cased
     * on the way (no String made); other text as {@link #matches(String)} does.
     */
    public boolean matchesUtf8(byte[] bytes, int from, int to) {
        if (!StringCollation.isAscii(bytes, from, to)) {
            return matches(new String(bytes, from, to - from, java.nio.charset.StandardCharsets.UTF_8));
        }
        return matches(null, bytes, from, to);
    }

    /** Matches code points {@code points[from, to)}, or (points null) ASCII bytes {@code bytes[from, to)} folded. */
    private boolean matches(int[] points, byte[] bytes, int from, int to) {
        // Greedy matching with one backtrack point for the latest %, linear in practice.
        int v = from;
        int t = 0;
        int starToken = -1;
        int starValue = from;
        while (v < to) {
            int c = points != null ? points[v] : lower(bytes[v]);
            if (t < tokens.length && (tokens[t] == ANY_ONE || tokens[t] == c)) {
                v++;
                t++;
            } else if (t < tokens.length && tokens[t] == ANY_RUN) {
                starToken = t++;
                starValue = v;
            } else if (starToken >= 0) {
                t = starToken + 1;
                v = ++starValue;
            } else {
                return false;
            }
        }
        while (t < tokens.length && tokens[t] == ANY_RUN) {
            t++;
        }
        return t == tokens.length;
    }

    private static int lower(byte b) {
        return b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
    }
}
