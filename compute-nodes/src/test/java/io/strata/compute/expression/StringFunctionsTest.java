package io.strata.compute.expression;

import io.strata.common.type.DataType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StringFunctionsTest extends EvaluatorTestBase {
    @Test
    void likeMatchesWildcardsAndEscapesIgnoringCase() {
        Expr like = call(ScalarFunction.LIKE, B, col(0, S), lit("a%c_", S));
        assertEquals(list(true, true, false, null), eval(like, S, "ABCD", "acx", "abc", null));
        Expr escaped = call(ScalarFunction.LIKE, B, col(0, S), lit("100\\%", S));
        assertEquals(list(true, false), eval(escaped, S, "100%", "1000"));
        Expr notLike = call(ScalarFunction.NOT_LIKE, B, col(0, S), lit("%b%", S));
        assertEquals(list(false, true), eval(notLike, S, "aBc", "ac"));
    }

    @Test
    void likeOverUtf8BytesAgreesWithLikeOverStrings() {
        java.util.Random random = new java.util.Random(5);
        String alphabet = "aAbBéÉ%_\\x";
        for (int i = 0; i < 20_000; i++) {
            String pattern = random(random, alphabet, 5);
            String text = random(random, alphabet.replace("%", "").replace("_", ""), 7);
            LikeMatcher matcher = new LikeMatcher(pattern);
            byte[] bytes = ("#" + text).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(matcher.matches(text), matcher.matchesUtf8(bytes, 1, bytes.length), pattern + " / " + text);
        }
        Expr accents = call(ScalarFunction.LIKE, B, col(0, S), lit("%e_", S));
        assertEquals(list(true, true, false), eval(accents, S, "cafÉs", "xEy", "été"));
    }

    private static String random(java.util.Random random, String alphabet, int maxLength) {
        StringBuilder out = new StringBuilder();
        for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    @Test
    void stringFunctions() {
        assertEquals(list("ab1", null), eval(call(ScalarFunction.CONCAT, S, col(0, S), lit(1L, DataType.INT)), S, "ab", null));
        assertEquals(list("llo", "lo", "", "el"), List.of(
                constant(call(ScalarFunction.SUBSTRING, S, lit("hello", S), lit(3L, DataType.INT))),
                constant(call(ScalarFunction.SUBSTRING, S, lit("hello", S), lit(-2L, DataType.INT))),
                constant(call(ScalarFunction.SUBSTRING, S, lit("hello", S), lit(0L, DataType.INT))),
                constant(call(ScalarFunction.SUBSTRING, S, lit("hello", S), lit(2L, DataType.INT), lit(2L, DataType.INT)))));
        assertEquals(5L, constant(call(ScalarFunction.CHAR_LENGTH, DataType.BIGINT, lit("héllo", S))));
        assertEquals(6L, constant(call(ScalarFunction.LENGTH, DataType.BIGINT, lit("héllo", S))));
        assertEquals("a b", constant(call(ScalarFunction.TRIM, S, lit("  a b ", S))));
        assertEquals("xxa", constant(call(ScalarFunction.TRIM, S, lit("TRAILING", S), lit("x", S), lit("xxaxx", S))));
        assertEquals("ÉCOLE", constant(call(ScalarFunction.UPPER, S, lit("école", S))));
    }

    @Test
    void moreStringFunctions() {
        assertEquals("a-c", constant(call(ScalarFunction.CONCAT_WS, S, lit("-", S), lit("a", S), lit(null, S), lit("c", S))));
        assertEquals("xbxb", constant(call(ScalarFunction.REPLACE, S, lit("abab", S), lit("a", S), lit("x", S))));
        assertEquals("hé", constant(call(ScalarFunction.LEFT, S, lit("héllo", S), lit(2L, DataType.INT))));
        assertEquals("llo", constant(call(ScalarFunction.RIGHT, S, lit("héllo", S), lit(3L, DataType.INT))));
        assertEquals("xyx7", constant(call(ScalarFunction.LPAD, S, lit("7", S), lit(4L, DataType.INT), lit("xy", S))));
        assertEquals("ab", constant(call(ScalarFunction.RPAD, S, lit("abc", S), lit(2L, DataType.INT), lit("x", S))));
        assertEquals("cba", constant(call(ScalarFunction.REVERSE, S, lit("abc", S))));
        assertEquals(4L, constant(call(ScalarFunction.LOCATE, DataType.BIGINT, lit("BAR", S), lit("foobar", S))));
        assertEquals(0L, constant(call(ScalarFunction.LOCATE, DataType.BIGINT, lit("o", S), lit("foobar", S), lit(4L, DataType.INT))));
    }

    @Test
    void charValuesLoseTrailingSpaces() {
        assertEquals("ab", constant(call(ScalarFunction.CAST, new DataType(io.strata.common.type.TypeKind.CHAR, 4, 0), lit("ab  ", S))));
    }
}
