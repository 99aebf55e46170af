package io.strata.compute.expression.json;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parsing JSON text and printing it in MySQL's normalized form. */
class JsonTextTest {
    private static String normalize(String text) {
        return JsonWriter.write(JsonParser.parse(text));
    }

    @Test
    void printsOneSpaceAfterColonsAndCommas() {
        assertEquals("{\"a\": 1, \"b\": [1, 2, {}], \"c\": []}", normalize("{\"c\":[],\"a\":1,  \"b\":[1,2,{ }]}"));
    }

    @Test
    void ordersKeysShorterFirstThenBytewise() {
        assertEquals("{\"a\": 1, \"aa\": 3, \"ab\": 4, \"abc\": 5}", normalize("{\"abc\":5,\"ab\":4,\"aa\":3,\"a\":1}"));
        assertEquals("{\"B\": 2, \"b\": 1, \"aa\": 3}", normalize("{\"aa\":3,\"b\":1,\"B\":2}"));
        // é is two bytes in UTF-8, so it sorts after every one-byte key
        assertEquals("{\"z\": 1, \"é\": 2}", normalize("{\"é\":2,\"z\":1}"));
    }

    @Test
    void repeatedKeysKeepTheLastValue() {
        assertEquals("{\"a\": 3}", normalize("{\"a\":1,\"a\":2,\"a\":3}"));
    }

    @Test
    void numbersKeepMysqlKinds() {
        assertEquals("[1, -7, 1.5, 100.0, 0.1, 1.0, 1e20, 18446744073709551615]",
                normalize("[1, -7, 1.50, 1e2, 0.1, 1.0, 1e20, 18446744073709551615]"));
        assertEquals("INTEGER", JsonParser.parse("9223372036854775807").typeName());
        assertEquals("UNSIGNED INTEGER", JsonParser.parse("9223372036854775808").typeName());
        assertEquals("DOUBLE", JsonParser.parse("18446744073709551616").typeName());
    }

    @Test
    void stringsAreUnescapedAndEscapedAgain() {
        assertEquals("[\"a\\\"b\", \"tab\\there\", \"/\", \"\\u0001\", \"é\"]",
                normalize("[\"a\\\"b\", \"tab\\u0009here\", \"\\/\", \"\\u0001\", \"\\u00e9\"]"));
    }

    @Test
    void literalsAreLowerCaseOnly() {
        assertEquals("[true, false, null]", normalize(" [ true , false , null ] "));
        assertFalse(JsonParser.isValid("NULL"));
        assertFalse(JsonParser.isValid("True"));
    }

    @Test
    void errorsSayWhatAndWhereAsMysql() {
        assertError("[1, 2,", "Invalid value.", 6);
        assertError("{\"a\":1,}", "Missing a name for object member.", 7);
        assertError("{\"a\" 1}", "Missing a colon after a name of object member.", 5);
        assertError("[1 2]", "Missing a comma or ']' after an array element.", 3);
        assertError("{\"a\":1 \"b\"}", "Missing a comma or '}' after an object member.", 7);
        assertError("", "The document is empty.", 0);
        assertError("1 2", "The document root must not be followed by other values.", 2);
        assertError("\"abc", "Missing a closing quotation mark in string.", 4);
        assertError("1.", "Miss fraction part in number.", 2);
        assertError("1e", "Miss exponent in number.", 2);
        assertError("hello", "Invalid value.", 0);
    }

    @Test
    void nestingDeeperThanAHundredLevelsIsRefused() {
        String ok = "[".repeat(100) + "]".repeat(100);
        assertTrue(JsonParser.isValid(ok));
        StrataException error = assertThrows(StrataException.class, () -> JsonParser.parse("[" + ok + "]"));
        assertEquals(ErrorCode.ER_JSON_DOCUMENT_TOO_DEEP, error.code());
    }

    private static void assertError(String text, String reason, int position) {
        JsonSyntaxException error = assertThrows(JsonSyntaxException.class, () -> JsonParser.parse(text));
        assertEquals(reason, error.reason(), text);
        assertEquals(position, error.position(), text);
    }
}
