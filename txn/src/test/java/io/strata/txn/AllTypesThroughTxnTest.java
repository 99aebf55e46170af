package io.strata.txn;

import io.strata.common.config.StrataConfig;
import io.strata.common.type.DataType;
import io.strata.common.type.TypeKind;
import io.strata.storage.LocalDirObjectStore;
import io.strata.storage.ObjectStore;
import io.strata.txn.catalog.ColumnDefinition;
import io.strata.txn.catalog.TableDefinition;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every SQL type goes through the workspace, the log, the logtail, a flushed object and a restart. */
class AllTypesThroughTxnTest {
    @TempDir
    Path dir;

    static TableDefinition table() {
        List<ColumnDefinition> columns = new ArrayList<>();
        columns.add(new ColumnDefinition("id", DataType.INT, false, null, false));
        for (TypeKind kind : TypeKind.values()) {
            DataType type = switch (kind) {
                case NULL, INT -> null;
                case DECIMAL -> DataType.decimal(10, 3);
                case VARCHAR, CHAR, VARBINARY -> new DataType(kind, 16, 0);
                case VECF32, VECF64 -> new DataType(kind, 2, 0);
                default -> new DataType(kind, 0, 0);
            };
            if (type != null) {
                columns.add(new ColumnDefinition("c_" + kind.name().toLowerCase(), type, true, null, false));
            }
        }
        return new TableDefinition(0, "db", "every_type", columns, List.of(0), "");
    }

    static Object value(TypeKind kind, int id) {
        return switch (kind) {
            case BOOLEAN -> id % 2 == 0;
            case TINYINT, SMALLINT, INT, BIGINT -> (long) id * 7;
            case DECIMAL -> new BigDecimal("12.345").add(BigDecimal.valueOf(id));
            case FLOAT -> 1.5 * id;
            case DOUBLE -> id / 8.0;
            case VARCHAR, CHAR, TEXT -> "héllo " + id;
            case JSON -> "{\"id\": " + id + "}";
            case VARBINARY, BLOB -> new byte[] {1, 2, (byte) id};
            case DATE -> LocalDate.of(2024, 2, 29).plusDays(id);
            case TIME -> LocalTime.of(23, 59, 59).minusMinutes(id);
            case DATETIME, TIMESTAMP -> LocalDateTime.of(1999, 12, 31, 23, 59, 59, 123456000).plusDays(id);
            case VECF32 -> new float[] {id, -0.5f};
            case VECF64 -> new double[] {id, 1e300};
            case NULL -> null;
        };
    }

    static Object[] row(TableDefinition table, int id) {
        Object[] row = new Object[table.columns().size()];
        row[0] = (long) id;
        for (int c = 1; c < row.length; c++) {
            row[c] = id == 2 ? null : value(table.columns().get(c).type().kind(), id); // row 2 is all NULLs
        }
        return row;
    }

    static void check(Transaction txn, TableDefinition table) {
        List<List<Object>> rows = Rows.scan(txn, "db", "every_type", false);
        rows.sort((a, b) -> Long.compare((Long) a.get(0), (Long) b.get(0)));
        assertEquals(3, rows.size());
        for (int id = 1; id <= 3; id++) {
            Object[] expected = row(table, id);
            List<Object> actual = rows.get(id - 1);
            for (int c = 0; c < expected.length; c++) {
                String what = table.columns().get(c).name() + " of row " + id;
                switch (expected[c]) {
                    case byte[] bytes -> assertArrayEquals(bytes, (byte[]) actual.get(c), what);
                    case float[] floats -> assertArrayEquals(floats, (float[]) actual.get(c), what);
                    case double[] doubles -> assertArrayEquals(doubles, (double[]) actual.get(c), what);
                    case null, default -> assertEquals(expected[c], actual.get(c), what);
                }
            }
        }
    }

    @Test
    void everyTypeSurvivesEveryStage() {
        try (RootAllocator allocator = new RootAllocator(); ObjectStore store = new LocalDirObjectStore(dir.resolve("o"))) {
            TableDefinition table;
            TransactionNode node = TransactionNode.open(store, dir.resolve("log"), StrataConfig.defaults(), allocator);
            try (Transaction txn = node.begin()) {
                txn.createDatabase("db", false);
                table = txn.createTable(table(), false);
                try (VectorSchemaRoot rows = Rows.batch(table, allocator, row(table(), 1), row(table(), 2), row(table(), 3))) {
                    txn.insert(table.tableId(), rows);
                }
                check(txn, table); // workspace
                txn.commit();
            }
            try (Transaction txn = node.begin()) {
                check(txn, table); // logtail
            }
            node.closeWithoutFlush();
            node = TransactionNode.open(store, dir.resolve("log"), StrataConfig.defaults(), allocator);
            try (Transaction txn = node.begin()) {
                check(txn, table); // replayed from the log
            }
            node.flush();
            try (Transaction txn = node.begin()) {
                check(txn, table); // from the data object
            }
            node.close();
            node = TransactionNode.open(store, dir.resolve("log"), StrataConfig.defaults(), allocator);
            try (Transaction txn = node.begin()) {
                check(txn, table); // from the checkpoint after a restart
                assertEquals(Arrays.asList(2L), Rows.scan(txn, "db", "every_type", false).stream()
                        .filter(r -> r.get(1) == null).map(r -> r.get(0)).toList());
            } finally {
                node.close();
            }
        }
    }
}
