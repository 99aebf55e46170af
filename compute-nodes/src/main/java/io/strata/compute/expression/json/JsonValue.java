package io.strata.compute.expression.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A JSON value as MySQL 8 models it: objects keep one value per key in {@link JsonKeyOrder}, numbers
 * keep MySQL's kinds (INTEGER, UNSIGNED INTEGER, DOUBLE, DECIMAL). Immutable; editing functions build
 * new values and share the untouched parts.
 */
public sealed interface JsonValue {
    /** MySQL's JSON_TYPE name. */
    String typeName();

    record JsonObject(SortedMap<String, JsonValue> members) implements JsonValue {
        public JsonObject {
            TreeMap<String, JsonValue> copy = new TreeMap<>(JsonKeyOrder.INSTANCE);
            copy.putAll(members);
            members = Collections.unmodifiableSortedMap(copy);
        }

        public static JsonObject of(Map<String, JsonValue> members) {
            return new JsonObject(members instanceof SortedMap<String, JsonValue> sorted ? sorted : new TreeMap<>(members));
        }

        /** A copy with {@code key} set to {@code value}. */
        public JsonObject with(String key, JsonValue value) {
            TreeMap<String, JsonValue> copy = new TreeMap<>(JsonKeyOrder.INSTANCE);
            copy.putAll(members);
            copy.put(key, value);
            return new JsonObject(copy);
        }

        /** A copy without {@code key}. */
        public JsonObject without(String key) {
            TreeMap<String, JsonValue> copy = new TreeMap<>(JsonKeyOrder.INSTANCE);
            copy.putAll(members);
            copy.remove(key);
            return new JsonObject(copy);
        }

        @Override
        public String typeName() { return "OBJECT"; }
    }

    record JsonArray(List<JsonValue> elements) implements JsonValue {
        public JsonArray {
            elements = List.copyOf(elements);
        }

        @Override
        public String typeName() { return "ARRAY"; }
    }

    record JsonString(String value) implements JsonValue {
        public JsonString {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String typeName() { return "STRING"; }
    }

    /** A number that fits a signed 64-bit integer. */
    record JsonInteger(long value) implements JsonValue {
        @Override
        public String typeName() { return "INTEGER"; }
    }

    /** An integer above 2^63 - 1 and at most 2^64 - 1. */
    record JsonUnsignedInteger(BigInteger value) implements JsonValue {
        @Override
        public String typeName() { return "UNSIGNED INTEGER"; }
    }

    /** A number written with a fraction or an exponent, or too large for 64 bits. */
    record JsonDouble(double value) implements JsonValue {
        @Override
        public String typeName() { return "DOUBLE"; }
    }

    /** A SQL DECIMAL put into a document (JSON text never makes one). */
    record JsonDecimal(BigDecimal value) implements JsonValue {
        @Override
        public String typeName() { return "DECIMAL"; }
    }

    record JsonBoolean(boolean value) implements JsonValue {
        @Override
        public String typeName() { return "BOOLEAN"; }
    }

    record JsonNull() implements JsonValue {
        @Override
        public String typeName() { return "NULL"; }
    }

    /** Whether this is a number of any kind. */
    default boolean isNumber() {
        return this instanceof JsonInteger || this instanceof JsonUnsignedInteger || this instanceof JsonDouble
                || this instanceof JsonDecimal;
    }

    /** The number as a BigDecimal (doubles exactly), for comparisons across kinds; only for numbers. */
    default BigDecimal toBigDecimal() {
        return switch (this) {
            case JsonInteger i -> BigDecimal.valueOf(i.value());
            case JsonUnsignedInteger u -> new BigDecimal(u.value());
            case JsonDouble d -> new BigDecimal(d.value());
            case JsonDecimal d -> d.value();
            default -> throw new IllegalStateException("not a number: " + typeName());
        };
    }
}
