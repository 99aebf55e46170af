package io.strata.compute.operator.aggregate;

import io.strata.common.type.DataType;
import io.strata.compute.expression.Column;
import io.strata.compute.expression.json.JsonArguments;
import io.strata.compute.expression.json.JsonValue;
import io.strata.compute.expression.json.JsonWriter;

import java.util.ArrayList;
import java.util.List;

/**
 * JSON_ARRAYAGG(x): each group's values in the order its rows come, converted as JSON_ARRAY converts its
 * arguments (a NULL is JSON null, a JSON value nests as a document); a group without rows is NULL.
 */
final class JsonArrayAccumulator implements Accumulator {
    /** Per group its elements so far; null while the group has seen no row. */
    private final List<List<JsonValue>> elements = new ArrayList<>();

    @Override
    public void add(Column[] arguments, int[] groupIds, int rowCount) {
        Column argument = arguments[0];
        for (int i = 0; i < rowCount; i++) {
            int group = groupIds[i];
            if (group >= 0) {
                groupElements(group).add(JsonArguments.value(argument, i));
            }
        }
    }

    private List<JsonValue> groupElements(int group) {
        while (elements.size() <= group) {
            elements.add(null);
        }
        List<JsonValue> values = elements.get(group);
        if (values == null) {
            values = new ArrayList<>();
            elements.set(group, values);
        }
        return values;
    }

    @Override
    public Column result(int groupCount) {
        Column out = Column.allocate(DataType.JSON, groupCount);
        for (int group = 0; group < groupCount; group++) {
            List<JsonValue> values = group < elements.size() ? elements.get(group) : null;
            if (values == null) {
                out.nulls()[group] = true;
            } else {
                out.set(group, JsonWriter.write(new JsonValue.JsonArray(values)));
            }
        }
        return out;
    }
}
