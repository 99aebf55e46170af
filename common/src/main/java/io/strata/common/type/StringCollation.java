package io.strata.common.type;

import java.text.Normalizer;
import java.util.Locale;

/**
 * String comparison like MySQL's default collation utf8mb4_0900_ai_ci: case- and accent-insensitive,
 * no padding (trailing spaces count). Strings are folded to a key (accents stripped, lower case) and
 * keys compare by code point, so equality, hashing and ordering agree.
 */
public final class StringCollation {
    private StringCollation() {}

    /** The key under which {@code text} compares; equal keys mean equal strings under the collation. */
    public static String fold(String text) {
        if (isAscii(text)) {
            return asciiLower(text);
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                folded.append(c);
            }
        }
        return folded.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * Orders strings as the collation does for the common cases: spaces and punctuation before
     * digits, digits before letters, letters alphabetically whatever their case or accents.
     * Returns 0 exactly when {@link #fold} gives equal keys.
     */
    public static int compare(String left, String right) {
        // ASCII fast path: walk both strings once, stopping at the first difference; the folded keys of
        // an ASCII prefix are the prefix in lower case, so a difference there decides as folding would.
        int common = Math.min(left.length(), right.length());
        for (int i = 0; i < common; i++) {
            char x = left.charAt(i);
            char y = right.charAt(i);
            if ((x | y) >= 0x80) {
                return compareFolded(left, right);
            }
            if (x != y) {
                int wx = weight(lower(x));
                int wy = weight(lower(y));
                if (wx != wy) {
                    return Integer.compare(wx, wy);
                }
            }
        }
        if (!isAscii(left, common) || !isAscii(right, common)) {
            return compareFolded(left, right);
        }
        return Integer.compare(left.length(), right.length());
    }

    /**
     * {@link #compare} of two strings given as UTF-8 byte ranges, without making Strings when both are
     * ASCII (the common case); other text is decoded and compared as Strings.
     */
    public static int compareUtf8(byte[] left, int leftFrom, int leftTo, byte[] right, int rightFrom, int rightTo) {
        int leftLength = leftTo - leftFrom;
        int rightLength = rightTo - rightFrom;
        int common = Math.min(leftLength, rightLength);
        for (int i = 0; i < common; i++) {
            byte x = left[leftFrom + i];
            byte y = right[rightFrom + i];
            if ((x | y) < 0) {
                return compareDecoded(left, leftFrom, leftTo, right, rightFrom, rightTo);
            }
            if (x != y) {
                int wx = weight(lower((char) x));
                int wy = weight(lower((char) y));
                if (wx != wy) {
                    return Integer.compare(wx, wy);
                }
            }
        }
        if (!isAscii(left, leftFrom + common, leftTo) || !isAscii(right, rightFrom + common, rightTo)) {
            return compareDecoded(left, leftFrom, leftTo, right, rightFrom, rightTo);
        }
        return Integer.compare(leftLength, rightLength);
    }

    private static int compareDecoded(byte[] left, int leftFrom, int leftTo, byte[] right, int rightFrom, int rightTo) {
        return compare(new String(left, leftFrom, leftTo - leftFrom, java.nio.charset.StandardCharsets.UTF_8),
                new String(right, rightFrom, rightTo - rightFrom, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Whether {@code bytes[from, to)} is all ASCII. */
    public static boolean isAscii(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static int compareFolded(String left, String right) {
        String a = isAscii(left, 0) ? left : fold(left);
        String b = isAscii(right, 0) ? right : fold(right);
        int length = Math.min(a.length(), b.length());
        for (int i = 0; i < length; i++) {
            int x = weight(lower(a.charAt(i)));
            int y = weight(lower(b.charAt(i)));
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    /** Digits sort after punctuation and letters after digits, as in the Unicode collation. */
    private static int weight(char c) {
        if (c >= '0' && c <= '9') {
            return 0x10000 + c;
        }
        if (c >= 'a' && c <= 'z') {
            return 0x20000 + c;
        }
        if (c < 0x80) {
            return c;
        }
        return 0x30000 + c;
    }

    private static boolean isAscii(String text) {
        return isAscii(text, 0);
    }

    private static boolean isAscii(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static String asciiLower(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char[] chars = text.toCharArray();
                for (int j = i; j < chars.length; j++) {
                    chars[j] = lower(chars[j]);
                }
                return new String(chars);
            }
        }
        return text;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
}
