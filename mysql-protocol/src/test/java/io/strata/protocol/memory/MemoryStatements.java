package io.strata.protocol.memory;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.session.ResultColumn;
import io.strata.common.session.RowCursor;
import io.strata.common.session.StatementResult;
import io.strata.common.type.DataType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test scaffolding: the statements MemorySession understands, matched by pattern, not parsed. */
final class MemoryStatements {
    private static final Pattern SELECT_ALL_TYPES = Pattern.compile("select \\* from all_types(?: where id (=|<) (\\?|\\d+))?");
    private static final Pattern LENGTH = Pattern.compile("select length\\((\\?|'.*')\\)", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern REPEAT = Pattern.compile("select repeat\\('(.)', (\\d+)\\)");
    private static final Pattern SEQUENCE = Pattern.compile("select \\* from seq_(\\d+)");
    private static final Pattern SLEEP = Pattern.compile("select sleep\\((\\d+(?:\\.\\d+)?)\\)");
    /** {@code select running_thread(?)}: spins the CPU for ? ms, then answers the name of the thread it ran on. */
    static final String RUNNING_THREAD = "select running_thread(?)";
    private static final Pattern NUMBER = Pattern.compile("select (-?\\d+)");
    private static final Pattern KV_TUPLE = Pattern.compile("\\(\\s*(-?\\d+)\\s*,\\s*'((?:[^'\\\\]|\\\\.|'')*)'\\s*\\)");
    private static final Map<String, String> VARIABLES = Map.ofEntries(
            Map.entry("auto_increment_increment", "1"), Map.entry("character_set_client", "utf8mb4"),
            Map.entry("character_set_connection", "utf8mb4"), Map.entry("character_set_results", "utf8mb4"),
            Map.entry("character_set_server", "utf8mb4"), Map.entry("collation_server", "utf8mb4_0900_ai_ci"),
            Map.entry("collation_connection", "utf8mb4_0900_ai_ci"), Map.entry("init_connect", ""),
            Map.entry("interactive_timeout", "28800"), Map.entry("license", "Apache-2.0"),
            Map.entry("lower_case_table_names", "0"), Map.entry("max_allowed_packet", "67108864"),
            Map.entry("net_write_timeout", "60"), Map.entry("performance_schema", "0"),
            Map.entry("sql_mode", "ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES"), Map.entry("system_time_zone", "UTC"),
            Map.entry("time_zone", "SYSTEM"), Map.entry("transaction_isolation", "REPEATABLE-READ"),
            Map.entry("tx_isolation", "REPEATABLE-READ"), Map.entry("wait_timeout", "28800"),
            Map.entry("version_comment", "Strata"), Map.entry("query_cache_size", "0"), Map.entry("autocommit", "1"),
            Map.entry("transaction_read_only", "0"), Map.entry("tx_read_only", "0"));

    private final MemoryTables tables;
    private final MemorySession session;

    private final java.util.concurrent.atomic.AtomicLong rowsProduced;

    MemoryStatements(MemoryTables tables, MemorySession session, java.util.concurrent.atomic.AtomicLong rowsProduced) {
        this.tables = tables;
        this.session = session;
        this.rowsProduced = rowsProduced;
    }

    private static String normalize(String sql) {
        String text = sql.replaceAll("(?s)/\\*.*?\\*/", " ").trim();
        if (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).trim();
        }
        return text.replaceAll("\\s+", " ");
    }

    List<ResultColumn> parameters(String sql) {
        String text = normalize(sql).toLowerCase(Locale.ROOT);
        int count = (int) text.chars().filter(c -> c == '?').count();
        List<ResultColumn> parameters = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            DataType type;
            if (text.startsWith("insert into all_types")) {
                type = MemoryTables.ALL_TYPES.get(i % MemoryTables.ALL_TYPES.size()).type();
            } else if (text.startsWith("insert into kv")) {
                type = MemoryTables.KV.get(i % 2).type();
            } else if (text.startsWith("select length")) {
                type = DataType.TEXT;
            } else {
                type = DataType.BIGINT;
            }
            parameters.add(ResultColumn.computed("?", type, true));
        }
        return parameters;
    }

    List<ResultColumn> columns(String sql) {
        String text = normalize(sql).toLowerCase(Locale.ROOT);
        if (text.startsWith("select * from all_types")) {
            return MemoryTables.ALL_TYPES;
        }
        if (text.startsWith("select * from kv")) {
            return MemoryTables.KV;
        }
        if (text.startsWith("select length")) {
            return List.of(MemorySession.computed("length", DataType.BIGINT));
        }
        if (text.equals(RUNNING_THREAD)) {
            return List.of(MemorySession.computed("running_thread", DataType.TEXT));
        }
        return List.of();
    }

    StatementResult run(String sql, List<Object> parameters) {
        if (sql.regionMatches(true, 0, "SELECT LENGTH('", 0, 15) && sql.endsWith("')")) {
            // Fast path for the huge literals of the 16 MB tests: no regex over megabytes.
            return single("length", DataType.BIGINT,
                    (long) sql.substring(15, sql.length() - 2).getBytes(StandardCharsets.UTF_8).length);
        }
        String text = normalize(sql);
        String lower = text.toLowerCase(Locale.ROOT);
        Matcher m;
        if ((m = SELECT_ALL_TYPES.matcher(lower)).matches()) {
            return selectAllTypes(m.group(1), m.group(2), parameters);
        }
        if (lower.equals("select * from kv")) {
            synchronized (tables) {
                List<Object[]> rows = new ArrayList<>(tables.kv);
                rows.sort(Comparator.comparingLong(row -> (Long) row[0]));
                return MemorySession.rows(MemoryTables.KV, rows);
            }
        }
        if (lower.startsWith("insert into all_types values")) {
            return insertAllTypes(parameters);
        }
        if (lower.startsWith("insert into kv values")) {
            return insertKv(text, parameters);
        }
        if ((m = LENGTH.matcher(text)).matches()) {
            Object value = m.group(1).equals("?") ? parameters.get(0) : m.group(1).substring(1, m.group(1).length() - 1);
            long length = value instanceof byte[] bytes ? bytes.length : value.toString().getBytes(StandardCharsets.UTF_8).length;
            return single("length", DataType.BIGINT, length);
        }
        if ((m = REPEAT.matcher(lower)).matches()) {
            return single("repeat", DataType.TEXT, m.group(1).repeat(Integer.parseInt(m.group(2))));
        }
        if ((m = SEQUENCE.matcher(lower)).matches()) {
            return sequence(Long.parseLong(m.group(1)));
        }
        if (lower.equals(RUNNING_THREAD)) {
            return runningThread(((Number) parameters.get(0)).longValue());
        }
        if ((m = SLEEP.matcher(lower)).matches()) {
            return sleep((long) (Double.parseDouble(m.group(1)) * 1000));
        }
        if ((m = NUMBER.matcher(lower)).matches()) {
            return single(m.group(1), DataType.BIGINT, Long.parseLong(m.group(1)));
        }
        if (lower.startsWith("select @@")) {
            return variables(text);
        }
        return other(lower);
    }

    private StatementResult other(String lower) {
        switch (lower) {
            case "select database()" -> {
                return single("DATABASE()", DataType.varchar(64), session.currentDatabase().orElse(null));
            }
            case "select database(), user() limit 1" -> {
                return MemorySession.rows(List.of(MemorySession.computed("DATABASE()", DataType.varchar(64)),
                        MemorySession.computed("USER()", DataType.varchar(64))),
                        List.<Object[]>of(new Object[] {session.currentDatabase().orElse(null), session.user() + "@127.0.0.1"}));
            }
            case "begin", "start transaction" -> session.inTransaction = true;
            case "commit", "rollback" -> session.inTransaction = false;
            case "warn" -> session.warnings = 1;
            case "fail" -> throw new StrataException(ErrorCode.ER_NO_SUCH_TABLE, "Table 'test.nope' doesn't exist");
            case "boom" -> throw new IllegalStateException("boom: a bug in the session");
            case "show warnings" -> {
                return MemorySession.rows(List.of(MemorySession.computed("Level", DataType.varchar(7)),
                        MemorySession.computed("Code", DataType.INT), MemorySession.computed("Message", DataType.varchar(512))),
                        List.of());
            }
            default -> {
                if (lower.startsWith("set ")) {
                    return StatementResult.Ok.of(0);
                }
                if (lower.startsWith("use ")) {
                    session.useDatabase(lower.substring(4).replace("`", "").trim());
                    return StatementResult.Ok.of(0);
                }
                throw StrataException.of(ErrorCode.ER_PARSE_ERROR,
                        "You have an error in your SQL syntax near '%s'", lower);
            }
        }
        return StatementResult.Ok.of(0);
    }

    private StatementResult selectAllTypes(String operator, String key, List<Object> parameters) {
        List<Object[]> rows = new ArrayList<>();
        Long id = key == null ? null : key.equals("?") ? ((Number) parameters.get(0)).longValue() : Long.valueOf(key);
        synchronized (tables) {
            for (Object[] row : tables.allTypes) {
                long rowId = (Long) row[0];
                if (id == null || ("=".equals(operator) ? rowId == id : rowId < id)) {
                    rows.add(row);
                }
            }
        }
        return MemorySession.rows(MemoryTables.ALL_TYPES, rows);
    }

    private StatementResult insertAllTypes(List<Object> parameters) {
        List<ResultColumn> columns = MemoryTables.ALL_TYPES;
        if (parameters.size() % columns.size() != 0 || parameters.isEmpty()) {
            throw new StrataException(ErrorCode.ER_WRONG_VALUE_COUNT_ON_ROW, "Column count doesn't match value count at row 1");
        }
        int inserted = 0;
        synchronized (tables) {
            for (int start = 0; start < parameters.size(); start += columns.size()) {
                Object[] row = new Object[columns.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = MemoryValues.toColumn(parameters.get(start + i), columns.get(i).type());
                }
                tables.allTypes.add(row);
                inserted++;
            }
        }
        return StatementResult.Ok.of(inserted);
    }

    private StatementResult insertKv(String text, List<Object> parameters) {
        List<Object[]> rows = new ArrayList<>();
        if (!parameters.isEmpty()) {
            for (int i = 0; i + 1 < parameters.size(); i += 2) {
                rows.add(new Object[] {MemoryValues.toColumn(parameters.get(i), DataType.INT),
                        MemoryValues.toColumn(parameters.get(i + 1), DataType.varchar(100))});
            }
        } else {
            Matcher tuple = KV_TUPLE.matcher(text);
            while (tuple.find()) {
                rows.add(new Object[] {Long.parseLong(tuple.group(1)), tuple.group(2).replace("''", "'").replace("\\'", "'")});
            }
        }
        if (rows.isEmpty()) {
            throw StrataException.of(ErrorCode.ER_PARSE_ERROR, "You have an error in your SQL syntax near '%s'", text);
        }
        synchronized (tables) {
            tables.kv.addAll(rows);
        }
        return StatementResult.Ok.of(rows.size());
    }

    /** {@code count} rows generated as the protocol pulls them, to test streaming. */
    private StatementResult sequence(long count) {
        List<ResultColumn> columns = List.of(MemorySession.computed("n", DataType.BIGINT),
                MemorySession.computed("label", DataType.varchar(32)));
        RowCursor cursor = new RowCursor() {
            private long next;

            @Override public boolean hasNext() { return next < count; }

            @Override
            public Object[] next() {
                if (session.cancelled) {
                    throw new StrataException(ErrorCode.ER_QUERY_INTERRUPTED, "Query execution was interrupted");
                }
                long n = next++;
                rowsProduced.incrementAndGet();
                return new Object[] {n, "row-" + n};
            }

            @Override public void close() {}
        };
        return new StatementResult.Rows(columns, cursor);
    }

    private StatementResult runningThread(long spinMillis) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long target = threads.getCurrentThreadCpuTime() + spinMillis * 1_000_000;
        while (threads.getCurrentThreadCpuTime() < target) {
            Thread.onSpinWait();
        }
        return single("running_thread", DataType.TEXT, Thread.currentThread().getName());
    }

    private StatementResult sleep(long millis) {
        session.cancelled = false;
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            if (session.cancelled) {
                throw new StrataException(ErrorCode.ER_QUERY_INTERRUPTED, "Query execution was interrupted");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StrataException(ErrorCode.ER_QUERY_INTERRUPTED, "Query execution was interrupted", e);
            }
        }
        return single("sleep", DataType.BIGINT, 0L);
    }

    private StatementResult variables(String text) {
        String list = text.substring("select ".length()).replaceAll("(?i)\\s+limit\\s+\\d+$", "");
        List<ResultColumn> columns = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (String item : list.split(",")) {
            String[] parts = item.trim().split("(?i)\\s+as\\s+");
            String variable = parts[0].trim().replaceFirst("(?i)^@@(session\\.|global\\.)?", "").toLowerCase(Locale.ROOT);
            String name = parts.length > 1 ? parts[1].trim() : parts[0].trim();
            columns.add(MemorySession.computed(name, DataType.varchar(255)));
            values.add(VARIABLES.getOrDefault(variable, ""));
        }
        return MemorySession.rows(columns, List.<Object[]>of(values.toArray()));
    }

    private static StatementResult single(String name, DataType type, Object value) {
        return MemorySession.rows(List.of(MemorySession.computed(name, type)), List.<Object[]>of(new Object[] {value}));
    }
}
