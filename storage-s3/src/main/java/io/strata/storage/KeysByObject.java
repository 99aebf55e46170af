package io.strata.storage;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cache keys held for each object, so that dropping one object's entries (it was deleted or
 * rewritten) touches only them instead of scanning the whole cache. The cache reports each entry it
 * adds and each it loses (eviction included). Thread-safe; each object's set changes atomically.
 *
 * @param <K> the cache's key type
 */
public final class KeysByObject<K> {
    private final ConcurrentHashMap<String, Set<K>> keys = new ConcurrentHashMap<>();

    public void added(String objectKey, K key) {
        keys.compute(objectKey, (object, held) -> {
            Set<K> set = held == null ? new HashSet<>(4) : held;
            set.add(key);
            return set;
        });
    }

    public void removed(String objectKey, K key) {
        keys.computeIfPresent(objectKey, (object, held) -> {
            held.remove(key);
            return held.isEmpty() ? null : held;
        });
    }

    /** Forgets and returns the keys held for {@code objectKey}. */
    public List<K> takeAll(String objectKey) {
        Set<K> held = keys.remove(objectKey);
        return held == null ? List.of() : List.copyOf(held);
    }

    /** Objects with entries (for tests). */
    public int objects() {
        return keys.size();
    }
}
