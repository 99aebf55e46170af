package io.strata.compute.operator.aggregate;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.type.DataType;
import io.strata.compute.expression.Column;
import io.strata.compute.expression.json.JsonArguments;
import io.strata.compute.expression.json.JsonKeyOrder;
import io.strata.compute.expression.json.JsonValue;
import io.strata.compute.expression.json.JsonWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * JSON_OBJECTAGG(key, value): each group's pairs as one JSON object, keys as text, values converted as
 * JSON_OBJECT converts them; of equal keys the one folded in last wins, as in MySQL 8. A NULL key is
 * error 3158. A group without rows is NULL.
 */
final class JsonObjectAccumulator implements Accumulator {
    /** Per group its members so far; null while the group has seen no row. */
    private final List<TreeMap<String, JsonValue>> members = new ArrayList<>();

    @Override
    public void add(Column[] arguments, int[] groupIds, int rowCount) {
        Column key = arguments[0];
        Column value = arguments[1];
        for (int i = 0; i < rowCount; i++) {
            int group = groupIds[i];
            if (group < 0) {
                continue;
            }
            if (key.isNull(i)) {
                throw new StrataException(ErrorCode.ER_JSON_DOCUMENT_NULL_KEY, "JSON documents may not contain NULL member names.");
            }
            groupMembers(group).put(JsonArguments.text(key, i), JsonArguments.value(value, i));
        }
    }

    private TreeMap<String, JsonValue> groupMembers(int group) {
        while (members.size() <= group) {
            members.add(null);
        }
        TreeMap<String, JsonValue> object = members.get(group);
        if (object == null) {
            object = new TreeMap<>(JsonKeyOrder.INSTANCE);
            members.set(group, object);
        }
        return object;
    }

    @Override
    public Column result(int groupCount) {
        Column out = Column.allocate(DataType.JSON, groupCount);
        for (int group = 0; group < groupCount; group++) {
            TreeMap<String, JsonValue> object = group < members.size() ? members.get(group) : null;
            if (object == null) {
                out.nulls()[group] = true;
            } else {
                out.set(group, JsonWriter.write(new JsonValue.JsonObject(object)));
            }
        }
        return out;
    }
}
