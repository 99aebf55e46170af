package io.strata.storage.format;

import io.strata.common.type.ArrowTypes;
import io.strata.common.type.ArrowValues;
import io.strata.common.type.DataType;
import io.strata.common.type.TypeKind;
import io.strata.storage.LocalDirObjectStore;
import io.strata.storage.ObjectStore;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DataObjectFormatTest {
    private static final int ROWS = 2_500;
    private static final int BLOCK_ROWS = 1024;

    @TempDir
    Path dir;
    RootAllocator allocator;
    ObjectStore store;

    @BeforeEach
    void setUp() {
        allocator = new RootAllocator();
        store = openStore();
    }

    /** The store the objects are written to and read from; a subclass runs the same tests on S3. */
    ObjectStore openStore() {
        return new LocalDirObjectStore(dir);
    }

    @AfterEach
    void tearDown() {
        store.close();
        allocator.close();
    }

    /** One column per storable type, each named after it. */
    static List<Field> allTypes() {
        List<Field> fields = new ArrayList<>();
        for (TypeKind kind : TypeKind.values()) {
            DataType type = switch (kind) {
                case NULL -> null;
                case DECIMAL -> DataType.decimal(12, 2);
                case VARCHAR, CHAR, VARBINARY -> new DataType(kind, 30, 0);
                case VECF32, VECF64 -> new DataType(kind, 3, 0);
                default -> new DataType(kind, 0, 0);
            };
            if (type != null) {
                fields.add(ArrowTypes.field(kind.name().toLowerCase(), type, true));
            }
        }
        return fields;
    }

    /** The value of row {@code row} of a column of {@code kind}: null on every 7th row. */
    static Object value(TypeKind kind, int row) {
        if (row % 7 == 3) {
            return null;
        }
        return switch (kind) {
            case BOOLEAN -> row % 2 == 0;
            case TINYINT -> (long) (row % 100);
            case SMALLINT -> (long) (row % 30000);
            case INT, BIGINT -> (long) row * 3 - 1000;
            case DECIMAL -> new BigDecimal(row).movePointLeft(2);
            case FLOAT -> (double) (row / 4.0f);
            case DOUBLE -> row / 3.0;
            case VARCHAR, CHAR, TEXT -> "s" + row;
            case JSON -> "{\"k\":" + row + "}";
            case VARBINARY, BLOB -> new byte[] {(byte) row, (byte) (row >> 8)};
            case DATE -> LocalDate.of(2000, 1, 1).plusDays(row);
            case TIME -> LocalTime.ofSecondOfDay(row % 86400);
            case DATETIME, TIMESTAMP -> LocalDateTime.of(2020, 1, 1, 0, 0).plusSeconds(row);
            case VECF32 -> new float[] {row, row + 1, row + 2};
            case VECF64 -> new double[] {row, -row, 0.5};
            case NULL -> null;
        };
    }

    VectorSchemaRoot batch(List<Field> fields) {
        return batch(fields, ROWS, allocator);
    }

    /** {@code rows} rows of {@link #value} in columns {@code fields}; the caller closes it. */
    static VectorSchemaRoot batch(List<Field> fields, int rows, BufferAllocator allocator) {
        VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(fields), allocator);
        root.allocateNew();
        for (int c = 0; c < fields.size(); c++) {
            TypeKind kind = ArrowTypes.sqlType(fields.get(c)).kind();
            for (int row = 0; row < rows; row++) {
                ArrowValues.set(root.getVector(c), row, value(kind, row));
            }
        }
        root.setRowCount(rows);
        return root;
    }

    String writeObject(List<Field> fields) {
        DataObjectWriter writer = new DataObjectWriter(fields, BLOCK_ROWS);
        try (VectorSchemaRoot batch = batch(fields)) {
            writer.write(batch);
        }
        store.put("t/obj-1", writer.finish());
        return "t/obj-1";
    }

    @Test
    void everyTypeRoundTrips() {
        List<Field> fields = allTypes();
        String key = writeObject(fields);
        DataObjectReader reader = DataObjectReader.open(store, key);
        assertEquals(ROWS, reader.footer().rowCount());
        assertEquals(3, reader.footer().blocks().size());
        int[] all = new int[fields.size()];
        for (int c = 0; c < all.length; c++) {
            all[c] = c;
        }
        int base = 0;
        for (int block = 0; block < reader.footer().blocks().size(); block++) {
            try (VectorSchemaRoot rows = reader.readBlock(block, all, allocator)) {
                assertEquals(fields, rows.getSchema().getFields());
                for (int c = 0; c < fields.size(); c++) {
                    TypeKind kind = ArrowTypes.sqlType(fields.get(c)).kind();
                    for (int row = 0; row < rows.getRowCount(); row++) {
                        assertValue(value(kind, base + row), ArrowValues.get(rows.getVector(c), row), kind + " row " + row);
                    }
                }
                base += rows.getRowCount();
            }
        }
        assertEquals(ROWS, base);
    }

    static void assertValue(Object expected, Object actual, String message) {
        switch (expected) {
            case byte[] bytes -> assertArrayEquals(bytes, (byte[]) actual, message);
            case float[] floats -> assertArrayEquals(floats, (float[]) actual, message);
            case double[] doubles -> assertArrayEquals(doubles, (double[]) actual, message);
            case null -> assertNull(actual, message);
            default -> assertEquals(expected, actual, message);
        }
    }

    @Test
    void footerKeepsMinMaxAndNullCountsPerBlock() {
        List<Field> fields = List.of(ArrowTypes.field("n", DataType.BIGINT, true),
                ArrowTypes.field("s", DataType.varchar(10), true), ArrowTypes.field("v", DataType.vecf32(3), true));
        ObjectFooter footer = DataObjectReader.open(store, writeObject(fields)).footer();
        BlockMeta first = footer.blocks().get(0);
        // Rows 0..BLOCK_ROWS-1; row 3 (and every 7th from it) is null, so the min is row 0 and the max the last row.
        assertEquals(-1000L, first.columns().get(0).min());
        assertEquals((BLOCK_ROWS - 1) * 3L - 1000, first.columns().get(0).max());
        long expectedNulls = java.util.stream.IntStream.range(0, BLOCK_ROWS).filter(row -> row % 7 == 3).count();
        assertEquals(expectedNulls, first.columns().get(0).nullCount());
        assertEquals("s0", first.columns().get(1).min());
        assertEquals("s999", first.columns().get(1).max(), "strings compare as text");
        assertNull(first.columns().get(2).min(), "vectors have no order");
        BlockMeta last = footer.blocks().get(2);
        assertEquals(ROWS - 2 * BLOCK_ROWS, last.rowCount());
        assertEquals((ROWS - 1) * 3L - 1000, last.columns().get(0).max());
    }

    @Test
    void readingAColumnSubsetFetchesOnlyItsChunks() {
        List<Field> fields = allTypes();
        String key = writeObject(fields);
        RecordingObjectStore recording = new RecordingObjectStore(store);
        DataObjectReader reader = DataObjectReader.open(recording, key);
        int footerRanges = recording.ranges.size();
        assertEquals(2, footerRanges, "trailer + footer");
        int bigint = reader.footer().columnIndex("bigint");
        int varchar = reader.footer().columnIndex("varchar");
        try (VectorSchemaRoot rows = reader.readBlock(1, new int[] {varchar, bigint}, allocator)) {
            assertEquals(2, rows.getFieldVectors().size());
            assertEquals("varchar", rows.getSchema().getFields().get(0).getName());
            assertEquals("s" + BLOCK_ROWS, ArrowValues.get(rows.getVector(0), 0));
        }
        ColumnChunk varcharChunk = reader.footer().blocks().get(1).columns().get(varchar);
        ColumnChunk bigintChunk = reader.footer().blocks().get(1).columns().get(bigint);
        assertEquals(List.of(List.of(varcharChunk.offset(), (long) varcharChunk.length()),
                        List.of(bigintChunk.offset(), (long) bigintChunk.length())),
                recording.ranges.subList(footerRanges, recording.ranges.size()));
        assertEquals(0, recording.wholeGets);
    }
}
