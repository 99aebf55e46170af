package io.strata.compute.expression.json;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses MySQL's JSON path syntax: {@code $} followed by legs {@code .key}, {@code ."quoted key"}, {@code .*},
 * {@code [n]}, {@code [last]}, {@code [last - n]}, {@code [m to n]}, {@code [*]} and {@code **} (which must be
 * followed by a leg). Whitespace may separate the tokens. A bad path is error 3143, naming the offset where
 * parsing stopped.
 */
public final class JsonPathParser {
    private final String text;
    private int position;

    private JsonPathParser(String text) {
        this.text = text;
    }

    public static JsonPath parse(String text) {
        return new JsonPathParser(text).path();
    }

    private JsonPath path() {
        skipWhitespace();
        expect('$');
        List<JsonPath.Leg> legs = new ArrayList<>();
        while (true) {
            skipWhitespace();
            if (atEnd()) {
                break;
            }
            char c = text.charAt(position);
            if (c == '.') {
                position++;
                legs.add(member());
            } else if (c == '[') {
                position++;
                legs.add(arrayLeg());
            } else if (text.startsWith("**", position)) {
                position += 2;
                legs.add(new JsonPath.Ellipsis());
            } else {
                throw invalid();
            }
        }
        if (!legs.isEmpty() && legs.get(legs.size() - 1) instanceof JsonPath.Ellipsis) {
            throw invalid();
        }
        return new JsonPath(legs);
    }

    private JsonPath.Leg member() {
        skipWhitespace();
        if (atEnd()) {
            throw invalid();
        }
        char c = text.charAt(position);
        if (c == '*') {
            position++;
            return new JsonPath.MemberWildcard();
        }
        if (c == '"') {
            return new JsonPath.Member(quotedKey());
        }
        int start = position;
        while (!atEnd() && isIdentifierPart(text.charAt(position), position == start)) {
            position++;
        }
        if (position == start) {
            throw invalid();
        }
        return new JsonPath.Member(text.substring(start, position));
    }

    /** ECMAScript identifier characters, as MySQL accepts in unquoted keys. */
    private static boolean isIdentifierPart(char c, boolean first) {
        if (c == '_' || c == '$' || Character.isLetter(c)) {
            return true;
        }
        return !first && (Character.isDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK
                || Character.getType(c) == Character.CONNECTOR_PUNCTUATION);
    }

    private String quotedKey() {
        int start = position;
        position++;
        while (!atEnd() && text.charAt(position) != '"') {
            position += text.charAt(position) == '\\' ? 2 : 1;
        }
        if (atEnd()) {
            throw invalid();
        }
        position++;
        try {
            JsonValue key = JsonParser.parse(text.substring(start, position));
            return ((JsonValue.JsonString) key).value();
        } catch (JsonSyntaxException e) {
            throw invalid();
        }
    }

    private JsonPath.Leg arrayLeg() {
        skipWhitespace();
        if (!atEnd() && text.charAt(position) == '*') {
            position++;
            skipWhitespace();
            expect(']');
            return new JsonPath.ArrayWildcard();
        }
        JsonPath.ArrayIndex from = index();
        skipWhitespace();
        if (text.startsWith("to", position)) {
            int before = position;
            position += 2;
            if (!atEnd() && !Character.isWhitespace(text.charAt(position))) {
                position = before;
                throw invalid();
            }
            skipWhitespace();
            JsonPath.ArrayIndex to = index();
            skipWhitespace();
            expect(']');
            if (!from.fromLast() && !to.fromLast() && from.offset() > to.offset()
                    || from.fromLast() && to.fromLast() && from.offset() < to.offset()) {
                throw invalid();
            }
            return new JsonPath.ArrayRange(from, to);
        }
        expect(']');
        return new JsonPath.ArrayCell(from);
    }

    private JsonPath.ArrayIndex index() {
        if (text.startsWith("last", position)) {
            position += 4;
            skipWhitespace();
            if (!atEnd() && text.charAt(position) == '-') {
                position++;
                skipWhitespace();
                return new JsonPath.ArrayIndex(number(), true);
            }
            return new JsonPath.ArrayIndex(0, true);
        }
        return new JsonPath.ArrayIndex(number(), false);
    }

    private long number() {
        int start = position;
        while (!atEnd() && text.charAt(position) >= '0' && text.charAt(position) <= '9') {
            position++;
        }
        if (position == start || position - start > 9) { // MySQL keeps indexes in 32 bits
            throw invalid();
        }
        return Long.parseLong(text.substring(start, position));
    }

    private void expect(char c) {
        if (atEnd() || text.charAt(position) != c) {
            throw invalid();
        }
        position++;
    }

    private boolean atEnd() {
        return position >= text.length();
    }

    private void skipWhitespace() {
        while (!atEnd() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private StrataException invalid() {
        return StrataException.of(ErrorCode.ER_INVALID_JSON_PATH,
                "Invalid JSON path expression. The error is around character position %d.", position);
    }
}
