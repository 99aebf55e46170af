package io.strata.common.error;

/**
 * Every user-visible error, with the MySQL error number and SQLSTATE that clients expect
 * (MySQL 8.0 server error reference).
 */
public enum ErrorCode {
    // Connection and authentication
    ER_ACCESS_DENIED(1045, "28000", ErrorCategory.USER),
    ER_HANDSHAKE_ERROR(1043, "08S01", ErrorCategory.USER),
    ER_NET_PACKETS_OUT_OF_ORDER(1156, "08S01", ErrorCategory.USER),
    ER_NET_PACKET_TOO_LARGE(1153, "08S01", ErrorCategory.USER),
    ER_UNKNOWN_COM_ERROR(1047, "08S01", ErrorCategory.USER),
    ER_QUERY_INTERRUPTED(1317, "70100", ErrorCategory.USER),
    ER_CON_COUNT_ERROR(1040, "08004", ErrorCategory.RESOURCE),
    ER_NO_SUCH_THREAD(1094, "HY000", ErrorCategory.USER),

    // Parsing and naming
    ER_PARSE_ERROR(1064, "42000", ErrorCategory.USER),
    ER_EMPTY_QUERY(1065, "42000", ErrorCategory.USER),
    ER_BAD_DB_ERROR(1049, "42000", ErrorCategory.USER),
    ER_NO_DB_ERROR(1046, "3D000", ErrorCategory.USER),
    ER_DB_CREATE_EXISTS(1007, "HY000", ErrorCategory.USER),
    ER_DB_DROP_EXISTS(1008, "HY000", ErrorCategory.USER),
    ER_NO_SUCH_TABLE(1146, "42S02", ErrorCategory.USER),
    ER_BAD_TABLE_ERROR(1051, "42S02", ErrorCategory.USER),
    ER_TABLE_EXISTS_ERROR(1050, "42S01", ErrorCategory.USER),
    ER_BAD_FIELD_ERROR(1054, "42S22", ErrorCategory.USER),
    ER_DUP_FIELDNAME(1060, "42S21", ErrorCategory.USER),
    ER_NON_UNIQ_ERROR(1052, "23000", ErrorCategory.USER),
    ER_WRONG_VALUE_COUNT_ON_ROW(1136, "21S01", ErrorCategory.USER),
    ER_WRONG_NUMBER_OF_COLUMNS_IN_SELECT(1222, "21000", ErrorCategory.USER),
    ER_CTE_MAX_RECURSION_DEPTH(3636, "HY000", ErrorCategory.USER),
    // Windows (MySQL 8's window.cc checks)
    ER_WINDOW_NO_SUCH_WINDOW(3579, "HY000", ErrorCategory.USER),
    ER_WINDOW_FRAME_START_ILLEGAL(3584, "HY000", ErrorCategory.USER),
    ER_WINDOW_FRAME_END_ILLEGAL(3585, "HY000", ErrorCategory.USER),
    ER_WINDOW_FRAME_ILLEGAL(3586, "HY000", ErrorCategory.USER),
    ER_WINDOW_RANGE_FRAME_ORDER_TYPE(3587, "HY000", ErrorCategory.USER),
    ER_WINDOW_RANGE_FRAME_TEMPORAL_TYPE(3588, "HY000", ErrorCategory.USER),
    ER_WINDOW_RANGE_FRAME_NUMERIC_TYPE(3589, "HY000", ErrorCategory.USER),
    ER_WINDOW_DUPLICATE_NAME(3591, "HY000", ErrorCategory.USER),
    ER_WINDOW_ROWS_INTERVAL_USE(3596, "HY000", ErrorCategory.USER),
    ER_MULTIPLE_PRI_KEY(1068, "42000", ErrorCategory.USER),
    ER_WRONG_AUTO_KEY(1075, "42000", ErrorCategory.USER),
    ER_KEY_COLUMN_DOES_NOT_EXIST(1072, "42000", ErrorCategory.USER),
    ER_DUP_KEYNAME(1061, "42000", ErrorCategory.USER),
    ER_CANT_DROP_FIELD_OR_KEY(1091, "42000", ErrorCategory.USER),
    ER_WRONG_NAME_FOR_INDEX(1280, "42000", ErrorCategory.USER),
    ER_INVALID_DEFAULT(1067, "42000", ErrorCategory.USER),
    ER_UNKNOWN_SYSTEM_VARIABLE(1193, "HY000", ErrorCategory.USER),
    ER_WRONG_VALUE_FOR_VAR(1231, "42000", ErrorCategory.USER),
    ER_UNKNOWN_STMT_HANDLER(1243, "HY000", ErrorCategory.USER),
    ER_WRONG_ARGUMENTS(1210, "HY000", ErrorCategory.USER),
    ER_UNSUPPORTED_PS(1295, "HY000", ErrorCategory.USER),
    ER_NOT_SUPPORTED_YET(1235, "42000", ErrorCategory.USER),
    ER_WRONG_FIELD_WITH_GROUP(1055, "42000", ErrorCategory.USER),
    ER_INVALID_GROUP_FUNC_USE(1111, "HY000", ErrorCategory.USER),
    ER_SUBQUERY_NO_1_ROW(1242, "21000", ErrorCategory.USER),
    ER_OPERAND_COLUMNS(1241, "21000", ErrorCategory.USER),
    ER_SP_DOES_NOT_EXIST(1305, "42000", ErrorCategory.USER),
    ER_WRONG_PARAMCOUNT_TO_NATIVE_FCT(1582, "42000", ErrorCategory.USER),
    ER_ILLEGAL_REFERENCE(1247, "42S22", ErrorCategory.USER),

    // Data
    ER_DUP_ENTRY(1062, "23000", ErrorCategory.USER),
    ER_BAD_NULL_ERROR(1048, "23000", ErrorCategory.USER),
    ER_NO_DEFAULT_FOR_FIELD(1364, "HY000", ErrorCategory.USER),
    ER_TRUNCATED_WRONG_VALUE(1292, "22007", ErrorCategory.USER),
    ER_TRUNCATED_WRONG_VALUE_FOR_FIELD(1366, "HY000", ErrorCategory.USER),
    ER_DATA_TOO_LONG(1406, "22001", ErrorCategory.USER),
    ER_WARN_DATA_OUT_OF_RANGE(1264, "22003", ErrorCategory.USER),
    ER_DATA_OUT_OF_RANGE(1690, "22003", ErrorCategory.USER),
    ER_DIVISION_BY_ZERO(1365, "22012", ErrorCategory.USER),
    ER_INVALID_JSON_TEXT(3140, "22032", ErrorCategory.USER),
    // JSON documents, paths and functions
    ER_INVALID_JSON_TEXT_IN_PARAM(3141, "22032", ErrorCategory.USER),
    ER_INVALID_JSON_PATH(3143, "42000", ErrorCategory.USER),
    ER_INVALID_TYPE_FOR_JSON(3146, "22032", ErrorCategory.USER),
    ER_INVALID_JSON_PATH_WILDCARD(3149, "42000", ErrorCategory.USER),
    ER_INVALID_JSON_CONTAINS_PATH_TYPE(3150, "42000", ErrorCategory.USER),
    ER_JSON_VACUOUS_PATH(3153, "42000", ErrorCategory.USER),
    ER_JSON_DOCUMENT_TOO_DEEP(3157, "22032", ErrorCategory.USER),
    ER_JSON_DOCUMENT_NULL_KEY(3158, "22032", ErrorCategory.USER),
    ER_BLOB_CANT_HAVE_DEFAULT(1101, "42000", ErrorCategory.USER),
    ER_WARN_DATA_TRUNCATED(1265, "01000", ErrorCategory.USER),

    // LOAD DATA: the row-shape conditions are warnings, or errors in strict mode (SQLSTATE kept as MySQL does)
    ER_WARN_TOO_FEW_RECORDS(1261, "01000", ErrorCategory.USER),
    ER_WARN_TOO_MANY_RECORDS(1262, "01000", ErrorCategory.USER),
    ER_WARN_NULL_TO_NOTNULL(1263, "22004", ErrorCategory.USER),
    ER_OPTION_PREVENTS_STATEMENT(1290, "HY000", ErrorCategory.USER),
    ER_FILE_NOT_FOUND(29, "HY000", ErrorCategory.USER),
    ER_TEXTFILE_NOT_READABLE(1085, "HY000", ErrorCategory.USER),
    ER_CLIENT_LOCAL_FILES_DISABLED(3948, "42000", ErrorCategory.USER),
    ER_WRONG_FIELD_TERMINATORS(1083, "42000", ErrorCategory.USER),
    ER_UNKNOWN_CHARACTER_SET(1115, "42000", ErrorCategory.USER),
    ER_WRONG_VALUE_COUNT(1058, "21S01", ErrorCategory.USER),
    ER_WRONG_VALUE_FOR_TYPE(1411, "HY000", ErrorCategory.USER),
    /** A warning: DATE_ADD met an interval it cannot read, or a date out of range. */
    ER_DATETIME_FUNCTION_OVERFLOW(1441, "22008", ErrorCategory.USER),
    ER_UNKNOWN_TIME_ZONE(1298, "HY000", ErrorCategory.USER),
    ER_WRONG_PARAMETERS_TO_NATIVE_FCT(1583, "42000", ErrorCategory.USER),

    // Regular expressions (MySQL 8 reports ICU's pattern errors under these)
    ER_REGEXP_ILLEGAL_ARGUMENT(3685, "HY000", ErrorCategory.USER),
    ER_REGEXP_INDEX_OUTOFBOUNDS_ERROR(3686, "HY000", ErrorCategory.USER),
    ER_REGEXP_RULE_SYNTAX(3688, "HY000", ErrorCategory.USER),
    ER_REGEXP_BAD_ESCAPE_SEQUENCE(3689, "HY000", ErrorCategory.USER),
    ER_REGEXP_MISMATCHED_PAREN(3691, "HY000", ErrorCategory.USER),
    ER_REGEXP_BAD_INTERVAL(3692, "HY000", ErrorCategory.USER),
    ER_REGEXP_MAX_LT_MIN(3693, "HY000", ErrorCategory.USER),
    ER_REGEXP_INVALID_BACK_REF(3694, "HY000", ErrorCategory.USER),
    ER_REGEXP_MISSING_CLOSE_BRACKET(3696, "HY000", ErrorCategory.USER),
    ER_REGEXP_INVALID_RANGE(3697, "HY000", ErrorCategory.USER),
    ER_REGEXP_STACK_OVERFLOW(3698, "HY000", ErrorCategory.USER),

    // Transactions
    ER_LOCK_DEADLOCK(1213, "40001", ErrorCategory.CONFLICT),
    // A lock wait that times out or meets NOWAIT fails the statement only, as InnoDB does by default.
    ER_LOCK_WAIT_TIMEOUT(1205, "HY000", ErrorCategory.USER),
    ER_LOCK_NOWAIT(3572, "HY000", ErrorCategory.USER),
    ER_CANT_CHANGE_TX_CHARACTERISTICS(1568, "25001", ErrorCategory.USER),

    // Resources and storage
    ER_OUT_OF_RESOURCES(1041, "HY000", ErrorCategory.RESOURCE),
    ER_STORAGE_FAILURE(1030, "HY000", ErrorCategory.STORAGE),

    // Everything else
    ER_UNKNOWN_ERROR(1105, "HY000", ErrorCategory.INTERNAL);

    private final int mysqlCode;
    private final String sqlState;
    private final ErrorCategory category;

    ErrorCode(int mysqlCode, String sqlState, ErrorCategory category) {
        this.mysqlCode = mysqlCode;
        this.sqlState = sqlState;
        this.category = category;
    }

    public int mysqlCode() { return mysqlCode; }

    public String sqlState() { return sqlState; }

    public ErrorCategory category() { return category; }
}
