package io.strata.common.type;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StringCollationTest {
    @Test
    void ordersLikeTheDefaultCollation() {
        assertTrue(StringCollation.compare("apple", "Zebra") < 0);
        assertTrue(StringCollation.compare("abc", "ABD") < 0);
        assertEquals(0, StringCollation.compare("Résumé", "resume"));
        assertTrue(StringCollation.compare("a", "ab") < 0);
        assertTrue(StringCollation.compare("9", "a") < 0, "digits before letters");
        assertTrue(StringCollation.compare("-", "0") < 0, "punctuation before digits");
        assertTrue(StringCollation.compare("abc-é", "abc-f") < 0, "an accent late in the string still folds");
        assertTrue(StringCollation.compare("abx-é", "abc-e") > 0, "an ASCII difference before the accent decides");
    }

    @Test
    void agreesWithFoldingAndIsAntisymmetric() {
        Random random = new Random(42);
        String alphabet = "aAbBeEéÉ-0 9zZ";
        for (int i = 0; i < 20_000; i++) {
            String a = randomString(random, alphabet);
            String b = randomString(random, alphabet);
            int ab = Integer.signum(StringCollation.compare(a, b));
            assertEquals(-ab, Integer.signum(StringCollation.compare(b, a)), a + " / " + b);
            assertEquals(ab == 0, StringCollation.fold(a).equals(StringCollation.fold(b)), a + " / " + b);
        }
    }

    @Test
    void comparingUtf8BytesAgreesWithComparingStrings() {
        Random random = new Random(43);
        String alphabet = "aAbBeEéÉ-0 9zZß";
        for (int i = 0; i < 20_000; i++) {
            String a = randomString(random, alphabet);
            String b = randomString(random, alphabet);
            byte[] x = ("<" + a).getBytes(java.nio.charset.StandardCharsets.UTF_8); // ranges not at offset 0
            byte[] y = (b + ">>").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(Integer.signum(StringCollation.compare(a, b)),
                    Integer.signum(StringCollation.compareUtf8(x, 1, x.length, y, 0, y.length - 2)), a + " / " + b);
        }
    }

    private static String randomString(Random random, String alphabet) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(6);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
