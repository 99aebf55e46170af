package io.strata.sql.session;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.compute.expression.TimeZones;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * System variables with MySQL 8.0's defaults: the server's (GLOBAL) values, shared by all sessions,
 * and each session's copy. Values are {@code Long} for numbers and flags, {@code String} otherwise,
 * or null (character_set_results may be NULL). Names are lower case.
 */
public final class SystemVariables {
    /** Variables whose value is a flag: ON/OFF/TRUE/FALSE/1/0 all mean 1 or 0. */
    private static final Set<String> FLAGS = Set.of("autocommit", "foreign_key_checks", "unique_checks",
            "sql_safe_updates", "transaction_read_only", "tx_read_only", "sql_auto_is_null", "sql_notes",
            "sql_warnings", "sql_quote_show_create", "big_tables", "sql_big_selects", "sql_log_bin",
            "explicit_defaults_for_timestamp", "performance_schema", "read_only", "super_read_only",
            "session_track_schema", "session_track_state_change", "keep_files_on_create", "local_infile");

    private final Map<String, Object> values;
    /** The server's map is shared by all sessions (concurrent, no NULL values); a session's copy is its own. */
    private final boolean global;

    private SystemVariables(Map<String, Object> values, boolean global) {
        this.values = values;
        this.global = global;
    }

    /** The server's variables, with {@code version} and {@code maxConnections} from the configuration. */
    public static SystemVariables globals(String version, long maxConnections, long port) {
        Map<String, Object> map = new ConcurrentHashMap<>();
        MysqlDefaults.fill(map::put);
        map.put("version", version);
        map.put("max_connections", maxConnections);
        map.put("port", port);
        return new SystemVariables(map, true);
    }

    /** Adds a variable MySQL's defaults lack, or replaces its value: for the server's configuration at start. */
    public void define(String name, Object value) {
        String key = name.toLowerCase(Locale.ROOT);
        values.put(key, FLAGS.contains(key) ? flag(key, value) : normalize(value));
    }

    /** A session's copy of the server's current values. */
    public SystemVariables sessionCopy() {
        return new SystemVariables(new TreeMap<>(values), false);
    }

    public boolean exists(String name) {
        return values.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /** The value; throws ER_UNKNOWN_SYSTEM_VARIABLE for an unknown name. */
    public Object get(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        if (!values.containsKey(key)) {
            throw StrataException.of(ErrorCode.ER_UNKNOWN_SYSTEM_VARIABLE, "Unknown system variable '%s'", name);
        }
        return values.get(key);
    }

    /** Sets a known variable, normalising flags to 1/0; {@code value} null sets NULL where MySQL allows it. */
    public void set(String name, Object value) {
        String key = name.toLowerCase(Locale.ROOT);
        if (!values.containsKey(key)) {
            throw StrataException.of(ErrorCode.ER_UNKNOWN_SYSTEM_VARIABLE, "Unknown system variable '%s'", name);
        }
        Object normalized = FLAGS.contains(key) ? flag(key, value) : normalize(value);
        if (normalized == null && global) {
            throw StrataException.of(ErrorCode.ER_WRONG_VALUE_FOR_VAR, "Variable '%s' can't be set to the value of 'NULL'", key);
        }
        if (key.equals("time_zone") && (!(normalized instanceof String zone)
                || TimeZones.parse(zone, java.time.ZoneId.systemDefault()) == null)) {
            throw StrataException.of(ErrorCode.ER_UNKNOWN_TIME_ZONE, "Unknown or incorrect time zone: '%s'", normalized);
        }
        values.put(key, normalized);
        if (key.equals("transaction_isolation")) {
            values.put("tx_isolation", normalized);
        } else if (key.equals("transaction_read_only")) {
            values.put("tx_read_only", normalized);
        }
    }

    /** All variables sorted by name. */
    public Map<String, Object> all() {
        return new TreeMap<>(values);
    }

    /** Whether {@code name} is an ON/OFF variable (SHOW VARIABLES prints those as ON and OFF). */
    public static boolean isFlag(String name) {
        return FLAGS.contains(name.toLowerCase(Locale.ROOT));
    }

    public boolean flag(String name) {
        Object value = get(name);
        return value instanceof Long l && l != 0;
    }

    private static Object flag(String name, Object value) {
        if (value instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (value instanceof Number n) {
            long l = n.longValue();
            if (l == 0 || l == 1) {
                return l;
            }
        }
        if (value instanceof String s) {
            switch (s.toUpperCase(Locale.ROOT)) {
                case "ON", "TRUE", "1" -> { return 1L; }
                case "OFF", "FALSE", "0" -> { return 0L; }
                default -> { }
            }
        }
        throw StrataException.of(ErrorCode.ER_WRONG_VALUE_FOR_VAR, "Variable '%s' can't be set to the value of '%s'",
                name, value);
    }

    private static Object normalize(Object value) {
        if (value instanceof BigDecimal decimal && decimal.scale() <= 0) {
            return decimal.longValueExact();
        }
        if (value instanceof Number || value instanceof String || value == null) {
            return value;
        }
        return value.toString();
    }
}
