package io.strata.compute.expression.json;

import io.strata.compute.expression.ValueFormatter;

import java.util.Iterator;
import java.util.Map;

/**
 * Prints a {@link JsonValue} in MySQL's normalized text: one space after {@code :} and {@code ,}, keys in
 * {@link JsonKeyOrder}, doubles with a {@code .0} when they would read as integers, strings escaped as
 * MySQL's JSON_QUOTE escapes them.
 */
public final class JsonWriter {
    private JsonWriter() {}

    public static String write(JsonValue value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    public static void write(JsonValue value, StringBuilder out) {
        switch (value) {
            case JsonValue.JsonObject object -> writeObject(object, out);
            case JsonValue.JsonArray array -> {
                out.append('[');
                for (int i = 0; i < array.elements().size(); i++) {
                    if (i > 0) {
                        out.append(", ");
                    }
                    write(array.elements().get(i), out);
                }
                out.append(']');
            }
            case JsonValue.JsonString string -> quote(string.value(), out);
            case JsonValue.JsonInteger integer -> out.append(integer.value());
            case JsonValue.JsonUnsignedInteger unsigned -> out.append(unsigned.value());
            case JsonValue.JsonDouble number -> out.append(formatDouble(number.value()));
            case JsonValue.JsonDecimal decimal -> out.append(decimal.value().toPlainString());
            case JsonValue.JsonBoolean bool -> out.append(bool.value());
            case JsonValue.JsonNull ignored -> out.append("null");
        }
    }

    private static void writeObject(JsonValue.JsonObject object, StringBuilder out) {
        out.append('{');
        Iterator<Map.Entry<String, JsonValue>> members = object.members().entrySet().iterator();
        while (members.hasNext()) {
            Map.Entry<String, JsonValue> member = members.next();
            quote(member.getKey(), out);
            out.append(": ");
            write(member.getValue(), out);
            if (members.hasNext()) {
                out.append(", ");
            }
        }
        out.append('}');
    }

    /** MySQL prints doubles as numbers elsewhere, plus {@code .0} when the digits alone would read as an integer. */
    static String formatDouble(double value) {
        String text = ValueFormatter.formatDouble(value);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '-' && (c < '0' || c > '9')) {
                return text;
            }
        }
        return text + ".0";
    }

    /** {@code text} as a JSON string literal. */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2);
        quote(text, out);
        return out.toString();
    }

    public static void quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
