package io.strata.compute.expression.json;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parsed paths by their text, so that a constant path is parsed once per evaluator, not once per row.
 * Bounded: the least recently used of more than {@link #MAX_PATHS} paths is dropped. Not thread-safe
 * (one per evaluator, as evaluators are).
 */
public final class JsonPathCache {
    static final int MAX_PATHS = 64;

    private final Map<String, JsonPath> paths = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, JsonPath> eldest) {
            return size() > MAX_PATHS;
        }
    };
    /** The text asked for last (often the very same String object row after row) and its path. */
    private String lastText;
    private JsonPath lastPath;

    public JsonPath get(String text) {
        if (text == lastText) {
            return lastPath;
        }
        JsonPath path = paths.get(text);
        if (path == null) {
            path = JsonPathParser.parse(text);
            paths.put(text, path);
        }
        lastText = text;
        lastPath = path;
        return path;
    }
}
