package io.strata.sql.session;

import java.util.function.BiConsumer;

/**
 * MySQL 8.0's defaults for the system variables clients read on connect (Connector/J's
 * {@code SELECT @@session.auto_increment_increment AS ...} and the mysql CLI's {@code @@version_comment}).
 */
final class MysqlDefaults {
    private MysqlDefaults() {}

    static void fill(BiConsumer<String, Object> put) {
        put.accept("autocommit", 1L);
        put.accept("auto_increment_increment", 1L);
        put.accept("auto_increment_offset", 1L);
        put.accept("big_tables", 0L);
        put.accept("character_set_client", "utf8mb4");
        put.accept("character_set_connection", "utf8mb4");
        put.accept("character_set_database", "utf8mb4");
        put.accept("character_set_filesystem", "binary");
        put.accept("character_set_results", "utf8mb4");
        put.accept("character_set_server", "utf8mb4");
        put.accept("character_set_system", "utf8mb3");
        put.accept("collation_connection", "utf8mb4_0900_ai_ci");
        put.accept("collation_database", "utf8mb4_0900_ai_ci");
        put.accept("collation_server", "utf8mb4_0900_ai_ci");
        put.accept("connect_timeout", 10L);
        put.accept("default_authentication_plugin", "mysql_native_password");
        put.accept("default_storage_engine", "InnoDB");
        put.accept("default_week_format", 0L);
        put.accept("div_precision_increment", 4L);
        put.accept("explicit_defaults_for_timestamp", 1L);
        // MySQL 8.0.32+: the format of EXPLAIN without FORMAT= (MySQL's default is TRADITIONAL; Strata's stays TREE)
        put.accept("explain_format", "TREE");
        put.accept("foreign_key_checks", 1L);
        put.accept("group_concat_max_len", 1024L);
        put.accept("have_ssl", "DISABLED");
        put.accept("hostname", "localhost");
        put.accept("init_connect", "");
        put.accept("innodb_lock_wait_timeout", 50L);
        put.accept("interactive_timeout", 28800L);
        put.accept("keep_files_on_create", 0L);
        put.accept("license", "Apache License 2.0");
        put.accept("local_infile", 1L); // MySQL 8.0 defaults to OFF; see SqlSessionFactory (load.local-infile)
        put.accept("lock_wait_timeout", 31536000L);
        put.accept("lower_case_table_names", 1L);
        put.accept("max_allowed_packet", 67108864L);
        put.accept("max_execution_time", 0L);
        put.accept("net_buffer_length", 16384L);
        put.accept("net_read_timeout", 30L);
        put.accept("net_write_timeout", 60L);
        put.accept("performance_schema", 0L);
        put.accept("protocol_version", 10L);
        put.accept("query_cache_size", 0L);
        put.accept("query_cache_type", "OFF");
        put.accept("read_only", 0L);
        put.accept("session_track_schema", 1L);
        put.accept("session_track_state_change", 0L);
        put.accept("session_track_system_variables", "time_zone,autocommit,character_set_client,character_set_results,character_set_connection");
        put.accept("session_track_transaction_info", "OFF");
        put.accept("sql_auto_is_null", 0L);
        put.accept("sql_big_selects", 1L);
        // Strata's own: workers per parallel pipeline (1 = serial) and the table size that makes one parallel.
        put.accept("strata_parallel_workers", (long) Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors())));
        put.accept("strata_parallel_min_rows", 100_000L);
        // What one statement's operators may buffer; a sort holding more than half of it spills to disk.
        put.accept("strata_query_memory_limit", 1L << 30);
        put.accept("sql_log_bin", 1L);
        put.accept("sql_mode", "ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,"
                + "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION");
        put.accept("sql_notes", 1L);
        put.accept("sql_quote_show_create", 1L);
        put.accept("sql_safe_updates", 0L);
        put.accept("sql_select_limit", Long.MAX_VALUE);
        put.accept("sql_warnings", 0L);
        put.accept("super_read_only", 0L);
        put.accept("system_time_zone", "UTC");
        put.accept("time_zone", "SYSTEM");
        put.accept("transaction_isolation", "REPEATABLE-READ");
        put.accept("transaction_read_only", 0L);
        put.accept("tx_isolation", "REPEATABLE-READ");
        put.accept("tx_read_only", 0L);
        put.accept("unique_checks", 1L);
        put.accept("version_comment", "Strata");
        put.accept("version_compile_machine", "x86_64");
        put.accept("version_compile_os", "Linux");
        put.accept("wait_timeout", 28800L);
        put.accept("warning_count", 0L);
        put.accept("error_count", 0L);
        put.accept("identity", 0L);
        put.accept("last_insert_id", 0L);
    }
}
