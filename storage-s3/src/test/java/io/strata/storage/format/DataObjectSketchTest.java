package io.strata.storage.format;

import io.strata.common.type.ArrowTypes;
import io.strata.common.type.ArrowValues;
import io.strata.common.type.DataType;
import io.strata.storage.LocalDirObjectStore;
import io.strata.storage.ObjectStore;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Format version 4: each column's distinct sketch in the footer; older footers read without sketches. */
class DataObjectSketchTest {
    private static final int ROWS = 20_000;

    @TempDir
    java.nio.file.Path dir;
    RootAllocator allocator;
    ObjectStore store;

    @BeforeEach
    void setUp() {
        allocator = new RootAllocator();
        store = new LocalDirObjectStore(dir);
    }

    @AfterEach
    void tearDown() {
        store.close();
        allocator.close();
    }

    private static final List<Field> FIELDS = List.of(
            ArrowTypes.field("id", DataType.BIGINT, false),
            ArrowTypes.field("nation", DataType.INT, true),
            ArrowTypes.field("name", DataType.varchar(30), false),
            ArrowTypes.field("price", DataType.decimal(15, 2), false),
            ArrowTypes.field("day", DataType.DATE, false),
            ArrowTypes.field("flag", DataType.BOOLEAN, false),
            ArrowTypes.field("v", DataType.vecf32(3), true));

    /** id: all distinct; nation: 25 values and NULLs; name: 1000; price: 7; day: 365; flag: 2; v: not sketched. */
    private byte[] objectBytes() {
        DataObjectWriter writer = new DataObjectWriter(FIELDS, 4096);
        try (VectorSchemaRoot batch = VectorSchemaRoot.create(new Schema(FIELDS), allocator)) {
            batch.allocateNew();
            for (int row = 0; row < ROWS; row++) {
                ArrowValues.set(batch.getVector(0), row, (long) row);
                ArrowValues.set(batch.getVector(1), row, row % 10 == 0 ? null : row % 25);
                ArrowValues.set(batch.getVector(2), row, "customer#" + (row % 1000));
                ArrowValues.set(batch.getVector(3), row, BigDecimal.valueOf(row % 7, 2));
                ArrowValues.set(batch.getVector(4), row, LocalDate.of(1994, 1, 1).plusDays(row % 365));
                ArrowValues.set(batch.getVector(5), row, row % 3 == 0);
                ArrowValues.set(batch.getVector(6), row, null);
            }
            batch.setRowCount(ROWS);
            writer.write(batch);
        }
        return writer.finish();
    }

    private static double estimate(ObjectFooter footer, int column) {
        return footer.distinctSketches().get(column).orElseThrow().estimate();
    }

    private static void assertNear(double expected, double estimate) {
        assertTrue(Math.abs(estimate - expected) <= Math.max(1, expected * 0.08), estimate + " is not near " + expected);
    }

    @Test
    void theFooterCarriesEachColumnsDistinctCount() {
        store.put("t/obj", objectBytes());
        ObjectFooter footer = DataObjectReader.open(store, "t/obj").footer();
        assertNear(ROWS, estimate(footer, 0));
        assertNear(24, estimate(footer, 1)); // row % 25 == 0 rows are all NULL (multiples of 10 are, 0 never shows)
        assertNear(1000, estimate(footer, 2));
        assertNear(7, estimate(footer, 3));
        assertNear(365, estimate(footer, 4));
        assertNear(2, estimate(footer, 5));
        assertEquals(Optional.empty(), footer.distinctSketches().get(6), "vectors are not sketched");
    }

    @Test
    void aVersionThreeFooterReadsWithoutSketches() {
        byte[] current = objectBytes();
        store.put("t/v4", current);
        ObjectFooter footer = DataObjectReader.open(store, "t/v4").footer();
        int footerLength = java.nio.ByteBuffer.wrap(current, current.length - FooterCodec.TRAILER_BYTES, 4).getInt();
        byte[] oldFooter = FooterCodec.encode(footer, FooterCodec.VERSION_FOLDED_FILTER);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(current, 0, current.length - FooterCodec.TRAILER_BYTES - footerLength);
        out.writeBytes(oldFooter);
        out.writeBytes(FooterCodec.trailer(oldFooter.length));
        store.put("t/v3", out.toByteArray());

        ObjectFooter old = DataObjectReader.open(store, "t/v3").footer();
        assertTrue(old.keyFilterFoldsText());
        assertTrue(old.distinctSketches().stream().allMatch(Optional::isEmpty));
        assertEquals(footer.blocks(), old.blocks());
    }
}
