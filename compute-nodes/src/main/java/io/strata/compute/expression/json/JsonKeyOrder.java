package io.strata.compute.expression.json;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;

/**
 * The order MySQL keeps object keys in (and prints them in): shorter keys first by their utf8mb4 length
 * in bytes, keys of one length bytewise.
 */
public final class JsonKeyOrder implements Comparator<String> {
    public static final JsonKeyOrder INSTANCE = new JsonKeyOrder();

    private JsonKeyOrder() {}

    @Override
    public int compare(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        byte[] left = a.getBytes(StandardCharsets.UTF_8);
        byte[] right = b.getBytes(StandardCharsets.UTF_8);
        if (left.length != right.length) {
            return Integer.compare(left.length, right.length);
        }
        return java.util.Arrays.compareUnsigned(left, right);
    }
}
