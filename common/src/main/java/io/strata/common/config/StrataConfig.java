package io.strata.common.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Server configuration: built-in defaults, then a properties file, then {@code --set key=value}
 * overrides, each later source winning. Keys are dotted ({@code server.port}, {@code data.dir}).
 */
public final class StrataConfig {
    private static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("server.host", "127.0.0.1"),
            Map.entry("server.port", "6001"),
            Map.entry("server.user", "root"),
            Map.entry("server.password", "111"),
            Map.entry("server.version", "8.0.30-Strata-0.1"),
            Map.entry("server.max-connections", "1024"),
            Map.entry("server.io", "auto"),
            Map.entry("data.dir", "./data"),
            Map.entry("storage.type", "local"),
            Map.entry("log.group-commit-max-records", "1024"),
            Map.entry("log.segment-size-bytes", "67108864"),
            Map.entry("txn.flush-threshold-rows", "100000"),
            Map.entry("txn.flush-interval-ms", "30000"),
            Map.entry("memory.query-limit-bytes", "1073741824"));

    private final Map<String, String> values;

    private StrataConfig(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static StrataConfig defaults() {
        return new StrataConfig(DEFAULTS);
    }

    /** Defaults overlaid with {@code file} (if not null) and then {@code overrides}. */
    public static StrataConfig load(Path file, Map<String, String> overrides) throws IOException {
        Map<String, String> merged = new TreeMap<>(DEFAULTS);
        if (file != null) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            }
            properties.forEach((key, value) -> merged.put(key.toString().trim(), value.toString().trim()));
        }
        merged.putAll(overrides);
        return new StrataConfig(merged);
    }

    /** A copy with {@code key} set to {@code value}. */
    public StrataConfig with(String key, String value) {
        Map<String, String> copy = new TreeMap<>(values);
        copy.put(key, value);
        return new StrataConfig(copy);
    }

    public String get(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no configuration value for " + key);
        }
        return value;
    }

    public String get(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    public int getInt(String key) {
        return Integer.parseInt(get(key));
    }

    public long getLong(String key) {
        return Long.parseLong(get(key));
    }

    public Path getPath(String key) {
        return Path.of(get(key));
    }

    public Map<String, String> asMap() {
        return values;
    }
}
