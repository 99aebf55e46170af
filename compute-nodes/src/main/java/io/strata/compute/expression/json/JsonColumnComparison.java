package io.strata.compute.expression.json;

import io.strata.compute.expression.Column;

/**
 * Compares columns where at least one side is JSON, as MySQL compares a JSON value with another value: the
 * other side becomes a JSON scalar (a string stays a string: {@code doc->'$.name' = 'ann'} holds for "ann"),
 * and the two are ordered by {@link JsonComparison}.
 */
public final class JsonColumnComparison {
    private JsonColumnComparison() {}

    /** Writes the sign of {@code left[i]} against {@code right[i]} to {@code order[i]}, or NULL to {@code nulls[i]}. */
    public static void compare(Column left, Column right, int[] order, boolean[] nulls) {
        for (int i = 0; i < left.size(); i++) {
            nulls[i] = left.isNull(i) || right.isNull(i);
            if (!nulls[i]) {
                order[i] = JsonComparison.compare(JsonArguments.value(left, i), JsonArguments.value(right, i));
            }
        }
    }
}
