package io.strata.protocol.auth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The users (with their current password) who completed caching_sha2_password's full
 * authentication since the server started: as in MySQL, only they may log in by the scramble alone.
 * Keyed by a digest of user and password, so a changed password needs full authentication again.
 * Bounded: the least recently added entries are forgotten first.
 */
public final class FastAuthCache {
    private static final int MAX_ENTRIES = 10_000;

    private final Set<String> keys = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<String, Boolean>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > MAX_ENTRIES;
                }
            }));

    public boolean contains(String user, String password) {
        return keys.contains(CachingSha2Password.cacheKey(user, password));
    }

    public void add(String user, String password) {
        keys.add(CachingSha2Password.cacheKey(user, password));
    }
}
