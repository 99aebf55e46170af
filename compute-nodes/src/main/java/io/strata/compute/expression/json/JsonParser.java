package io.strata.compute.expression.json;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Parses JSON text (RFC 8259) into a {@link JsonValue} as MySQL does: a repeated key keeps its last value,
 * integers that fit 64 bits stay integers, other numbers become doubles, and errors name what RapidJSON
 * names, at the offset where it stops. Documents nest at most {@link #MAX_DEPTH} levels (error 3157).
 */
public final class JsonParser {
    /** MySQL's limit on nested arrays and objects. */
    public static final int MAX_DEPTH = 100;
    private static final BigInteger UNSIGNED_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private final String text;
    private int position;

    private JsonParser(String text) {
        this.text = text;
    }

    /** The value of {@code text}; throws {@link JsonSyntaxException} when it is not one JSON document. */
    public static JsonValue parse(String text) {
        JsonParser parser = new JsonParser(text);
        parser.skipWhitespace();
        if (parser.atEnd()) {
            throw new JsonSyntaxException("The document is empty.", parser.position);
        }
        JsonValue value = parser.value(0);
        parser.skipWhitespace();
        if (!parser.atEnd()) {
            throw new JsonSyntaxException("The document root must not be followed by other values.", parser.position);
        }
        return value;
    }

    /** Whether {@code text} is one JSON document. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (JsonSyntaxException e) {
            return false;
        }
    }

    private boolean atEnd() {
        return position >= text.length();
    }

    private char peek() {
        return atEnd() ? '\0' : text.charAt(position);
    }

    private void skipWhitespace() {
        while (!atEnd()) {
            char c = text.charAt(position);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            position++;
        }
    }

    private JsonValue value(int depth) {
        char c = peek();
        return switch (c) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> new JsonValue.JsonString(string());
            case 't' -> literal("true", new JsonValue.JsonBoolean(true));
            case 'f' -> literal("false", new JsonValue.JsonBoolean(false));
            case 'n' -> literal("null", new JsonValue.JsonNull());
            default -> number();
        };
    }

    private void checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw StrataException.of(ErrorCode.ER_JSON_DOCUMENT_TOO_DEEP, "The JSON document exceeds the maximum depth of %d.",
                    MAX_DEPTH);
        }
    }

    private JsonValue literal(String word, JsonValue value) {
        int start = position;
        for (int i = 0; i < word.length(); i++) {
            if (peek() != word.charAt(i)) {
                throw new JsonSyntaxException("Invalid value.", i == 0 ? start : position);
            }
            position++;
        }
        return value;
    }

    private JsonValue object(int depth) {
        checkDepth(depth);
        position++; // '{'
        TreeMap<String, JsonValue> members = new TreeMap<>(JsonKeyOrder.INSTANCE);
        skipWhitespace();
        if (peek() == '}') {
            position++;
            return new JsonValue.JsonObject(members);
        }
        while (true) {
            if (peek() != '"') {
                throw new JsonSyntaxException("Missing a name for object member.", position);
            }
            String key = string();
            skipWhitespace();
            if (peek() != ':') {
                throw new JsonSyntaxException("Missing a colon after a name of object member.", position);
            }
            position++;
            skipWhitespace();
            members.put(key, value(depth)); // a repeated key keeps its last value, as in MySQL 8.0.3+
            skipWhitespace();
            char c = peek();
            position++;
            if (c == '}') {
                return new JsonValue.JsonObject(members);
            }
            if (c != ',') {
                throw new JsonSyntaxException("Missing a comma or '}' after an object member.", position - 1);
            }
            skipWhitespace();
        }
    }

    private JsonValue array(int depth) {
        checkDepth(depth);
        position++; // '['
        List<JsonValue> elements = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            position++;
            return new JsonValue.JsonArray(elements);
        }
        while (true) {
            elements.add(value(depth));
            skipWhitespace();
            char c = peek();
            position++;
            if (c == ']') {
                return new JsonValue.JsonArray(elements);
            }
            if (c != ',') {
                throw new JsonSyntaxException("Missing a comma or ']' after an array element.", position - 1);
            }
            skipWhitespace();
        }
    }

    private String string() {
        position++; // opening quote
        StringBuilder out = new StringBuilder();
        while (true) {
            if (atEnd()) {
                throw new JsonSyntaxException("Missing a closing quotation mark in string.", position);
            }
            char c = text.charAt(position);
            if (c == '"') {
                position++;
                return out.toString();
            }
            if (c == '\\') {
                escape(out);
            } else if (c < 0x20) {
                throw new JsonSyntaxException("Invalid encoding in string.", position);
            } else {
                out.append(c);
                position++;
            }
        }
    }

    private void escape(StringBuilder out) {
        int start = position;
        position++; // backslash
        char c = peek();
        position++;
        switch (c) {
            case '"' -> out.append('"');
            case '\\' -> out.append('\\');
            case '/' -> out.append('/');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'u' -> out.append((char) hex4());
            default -> throw new JsonSyntaxException("Invalid escape character in string.", start);
        }
    }

    private int hex4() {
        if (position + 4 > text.length()) {
            throw new JsonSyntaxException("Incorrect hex digit after \\u escape in string.", position);
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(position), 16);
            if (digit < 0) {
                throw new JsonSyntaxException("Incorrect hex digit after \\u escape in string.", position);
            }
            value = value * 16 + digit;
            position++;
        }
        return value;
    }

    private JsonValue number() {
        int start = position;
        if (peek() == '-') {
            position++;
        }
        if (peek() == '0') {
            position++;
        } else if (peek() >= '1' && peek() <= '9') {
            digits();
        } else {
            throw new JsonSyntaxException("Invalid value.", start);
        }
        boolean integral = true;
        if (peek() == '.') {
            position++;
            if (peek() < '0' || peek() > '9') {
                throw new JsonSyntaxException("Miss fraction part in number.", position);
            }
            digits();
            integral = false;
        }
        if (peek() == 'e' || peek() == 'E') {
            position++;
            if (peek() == '+' || peek() == '-') {
                position++;
            }
            if (peek() < '0' || peek() > '9') {
                throw new JsonSyntaxException("Miss exponent in number.", position);
            }
            digits();
            integral = false;
        }
        return numberValue(text.substring(start, position), integral, start);
    }

    private void digits() {
        while (peek() >= '0' && peek() <= '9') {
            position++;
        }
    }

    private static JsonValue numberValue(String literal, boolean integral, int start) {
        if (integral) {
            BigInteger value = new BigInteger(literal);
            if (value.bitLength() <= 63) {
                return new JsonValue.JsonInteger(value.longValue());
            }
            if (value.signum() > 0 && value.compareTo(UNSIGNED_MAX) <= 0) {
                return new JsonValue.JsonUnsignedInteger(value);
            }
        }
        double value = new BigDecimal(literal).doubleValue();
        if (Double.isInfinite(value)) {
            throw new JsonSyntaxException("Number too big to be stored in double.", start);
        }
        return new JsonValue.JsonDouble(value);
    }
}
