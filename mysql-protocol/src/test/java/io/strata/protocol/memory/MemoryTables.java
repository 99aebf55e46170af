package io.strata.protocol.memory;

import io.strata.common.session.ResultColumn;
import io.strata.common.type.DataType;
import io.strata.common.type.TypeKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Test scaffolding behind the Session SPI: the fixed tables the protocol tests read and write,
 * shared by every session of one {@link MemorySessionFactory}.
 */
public final class MemoryTables {
    public static final String DATABASE = "test";

    /** all_types: one column of every {@link TypeKind} but NULL. */
    public static final List<ResultColumn> ALL_TYPES = List.of(
            column("all_types", "id", DataType.INT, false, true),
            column("all_types", "c_bool", DataType.BOOLEAN, true, false),
            column("all_types", "c_tiny", DataType.TINYINT, true, false),
            column("all_types", "c_small", DataType.SMALLINT, true, false),
            column("all_types", "c_int", DataType.INT, true, false),
            column("all_types", "c_big", DataType.BIGINT, true, false),
            column("all_types", "c_dec", DataType.decimal(10, 2), true, false),
            column("all_types", "c_float", DataType.FLOAT, true, false),
            column("all_types", "c_double", DataType.DOUBLE, true, false),
            column("all_types", "c_varchar", DataType.varchar(20), true, false),
            column("all_types", "c_char", new DataType(TypeKind.CHAR, 5, 0), true, false),
            column("all_types", "c_text", DataType.TEXT, true, false),
            column("all_types", "c_varbinary", new DataType(TypeKind.VARBINARY, 8, 0), true, false),
            column("all_types", "c_blob", DataType.BLOB, true, false),
            column("all_types", "c_date", DataType.DATE, true, false),
            column("all_types", "c_time", DataType.TIME, true, false),
            column("all_types", "c_datetime", DataType.DATETIME, true, false),
            column("all_types", "c_datetime6", DataType.datetime(6), true, false),
            column("all_types", "c_ts", DataType.TIMESTAMP, true, false),
            column("all_types", "c_json", DataType.JSON, true, false),
            column("all_types", "c_vec32", DataType.vecf32(3), true, false),
            column("all_types", "c_vec64", DataType.vecf64(2), true, false));

    public static final List<ResultColumn> KV = List.of(
            column("kv", "k", DataType.INT, false, true),
            column("kv", "v", DataType.varchar(100), true, false));

    final List<Object[]> allTypes = new ArrayList<>();
    final List<Object[]> kv = new ArrayList<>();

    public MemoryTables() {
        allTypes.add(new Object[] {1L, true, -5L, 300L, 70000L, 9_000_000_000L, new BigDecimal("12.34"), 1.5,
                1.5, "héllo", "abc", "long text", new byte[] {1, 2, 3}, new byte[] {0, -1},
                LocalDate.of(2024, 2, 29), LocalTime.of(12, 34, 56), LocalDateTime.of(2024, 2, 29, 12, 34, 56),
                LocalDateTime.of(2024, 2, 29, 12, 34, 56, 123_456_000), LocalDateTime.of(2024, 1, 1, 0, 0),
                "{\"a\": 1}", new float[] {1, 2.5f, 3}, new double[] {0.1, -2}});
        Object[] nulls = new Object[ALL_TYPES.size()];
        nulls[0] = 2L;
        allTypes.add(nulls);
        allTypes.add(new Object[] {3L, false, 127L, -32768L, -2147483648L, Long.MIN_VALUE, new BigDecimal("-0.50"),
                0.1, 1e20, "", "x", "", new byte[0], new byte[] {65},
                LocalDate.of(1970, 1, 1), LocalTime.of(0, 0, 0, 500_000_000), LocalDateTime.of(1999, 12, 31, 23, 59, 59),
                LocalDateTime.of(2000, 1, 1, 0, 0, 0, 1000), LocalDateTime.of(2038, 1, 19, 3, 14, 7),
                "[]", new float[] {-0.5f, 0, 1e-7f}, new double[] {123456.789, 2}});
    }

    private static ResultColumn column(String table, String name, DataType type, boolean nullable, boolean primaryKey) {
        return new ResultColumn(DATABASE, table, table, name, name, type, nullable, primaryKey, false);
    }
}
