package io.strata.compute.expression.json;

import java.util.ArrayList;
import java.util.List;

/**
 * A MySQL JSON path ({@code $.a[1]}, {@code $.*}, {@code $[1 to 3]}, {@code $**.b}) and its evaluation.
 * Immutable; parse with {@link JsonPathParser}. A cell or range applied to a value that is not an array
 * treats the value as a one-element array, as MySQL does.
 */
public record JsonPath(List<Leg> legs) {
    public JsonPath {
        legs = List.copyOf(legs);
    }

    /** One step of a path. */
    public sealed interface Leg {}

    /** {@code .key} or {@code ."key"}. */
    public record Member(String key) implements Leg {}

    /** {@code .*}: every member's value. */
    public record MemberWildcard() implements Leg {}

    /** {@code [n]} or {@code [last - n]}. */
    public record ArrayCell(ArrayIndex index) implements Leg {}

    /** {@code [m to n]}, both ends included. */
    public record ArrayRange(ArrayIndex from, ArrayIndex to) implements Leg {}

    /** {@code [*]}: every element. */
    public record ArrayWildcard() implements Leg {}

    /** {@code **}: the value and everything nested in it, at any depth. */
    public record Ellipsis() implements Leg {}

    /** A position in an array, counted from the start or, with {@code fromLast}, back from the last element. */
    public record ArrayIndex(long offset, boolean fromLast) {
        /** The 0-based position in an array of {@code size} elements (negative or past the end when outside it). */
        public long resolve(int size) {
            return fromLast ? size - 1L - offset : offset;
        }
    }

    /** Whether the path can match more than one value ({@code *}, {@code **} or a range). */
    public boolean hasWildcard() {
        return legs.stream().anyMatch(leg -> leg instanceof MemberWildcard || leg instanceof ArrayWildcard
                || leg instanceof Ellipsis || leg instanceof ArrayRange);
    }

    /** Every value the path reaches in {@code document}, in document order, each once. */
    public List<JsonValue> evaluate(JsonValue document) {
        List<JsonValue> out = new ArrayList<>();
        seek(document, 0, out);
        return out;
    }

    private void seek(JsonValue value, int legIndex, List<JsonValue> out) {
        if (legIndex == legs.size()) {
            for (JsonValue found : out) {
                if (found == value) { // ** reaches a value along several routes
                    return;
                }
            }
            out.add(value);
            return;
        }
        int next = legIndex + 1;
        switch (legs.get(legIndex)) {
            case Member member -> {
                if (value instanceof JsonValue.JsonObject object && object.members().containsKey(member.key())) {
                    seek(object.members().get(member.key()), next, out);
                }
            }
            case MemberWildcard ignored -> {
                if (value instanceof JsonValue.JsonObject object) {
                    for (JsonValue child : object.members().values()) {
                        seek(child, next, out);
                    }
                }
            }
            case ArrayCell cell -> {
                List<JsonValue> elements = elementsOrSelf(value);
                long index = cell.index().resolve(elements.size());
                if (index >= 0 && index < elements.size()) {
                    seek(elements.get((int) index), next, out);
                }
            }
            case ArrayRange range -> {
                List<JsonValue> elements = elementsOrSelf(value);
                long from = Math.max(0, range.from().resolve(elements.size()));
                long to = Math.min(elements.size() - 1L, range.to().resolve(elements.size()));
                for (long i = from; i <= to; i++) {
                    seek(elements.get((int) i), next, out);
                }
            }
            case ArrayWildcard ignored -> {
                if (value instanceof JsonValue.JsonArray array) {
                    for (JsonValue child : array.elements()) {
                        seek(child, next, out);
                    }
                }
            }
            case Ellipsis ignored -> {
                seek(value, next, out);
                for (JsonValue child : children(value)) {
                    seek(child, legIndex, out);
                }
            }
        }
    }

    /** An array's elements, or any other value as a one-element array. */
    static List<JsonValue> elementsOrSelf(JsonValue value) {
        return value instanceof JsonValue.JsonArray array ? array.elements() : List.of(value);
    }

    private static Iterable<JsonValue> children(JsonValue value) {
        return switch (value) {
            case JsonValue.JsonObject object -> object.members().values();
            case JsonValue.JsonArray array -> array.elements();
            default -> List.of();
        };
    }
}
