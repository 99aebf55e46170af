package io.strata.storage.format;

import io.strata.common.type.ArrowTypes;
import io.strata.common.type.ArrowValues;
import io.strata.common.type.DataType;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link ArrowIpc#write} gives exactly Arrow's own stream bytes (old logs and objects stay readable), and reads back. */
class ArrowIpcTest {
    private static final List<Field> FIELDS = List.of(
            ArrowTypes.field("id", DataType.BIGINT, false),
            ArrowTypes.field("name", DataType.varchar(40), true),
            ArrowTypes.field("price", DataType.decimal(12, 2), true),
            ArrowTypes.field("day", DataType.DATE, true));

    @Test
    void bytesEqualArrowsStreamWriterAndReadBack() throws Exception {
        try (RootAllocator allocator = new RootAllocator()) {
            for (int rows : new int[] {0, 1, 3, 1000}) {
                try (VectorSchemaRoot batch = batch(allocator, rows)) {
                    for (int repeat = 0; repeat < 2; repeat++) { // the second time with the schema message cached
                        byte[] ours = ArrowIpc.write(batch);
                        assertArrayEquals(arrowsOwn(batch), ours, rows + " rows");
                        try (VectorSchemaRoot back = ArrowIpc.read(ours, FIELDS, allocator)) {
                            assertEquals(rows, back.getRowCount());
                            for (int r = 0; r < rows; r++) {
                                for (int c = 0; c < FIELDS.size(); c++) {
                                    assertEquals(ArrowValues.get(batch.getVector(c), r), ArrowValues.get(back.getVector(c), r));
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static VectorSchemaRoot batch(RootAllocator allocator, int rows) {
        List<FieldVector> vectors = new ArrayList<>();
        for (Field field : FIELDS) {
            FieldVector vector = field.createVector(allocator);
            vector.allocateNew();
            vectors.add(vector);
        }
        for (int r = 0; r < rows; r++) {
            ArrowValues.set(vectors.get(0), r, (long) r * 7);
            ArrowValues.set(vectors.get(1), r, r % 4 == 0 ? null : "name-" + r);
            ArrowValues.set(vectors.get(2), r, r % 5 == 0 ? null : new BigDecimal(r).movePointLeft(2));
            ArrowValues.set(vectors.get(3), r, r % 3 == 0 ? null : LocalDate.ofEpochDay(18000 + r));
        }
        vectors.forEach(vector -> vector.setValueCount(rows));
        return new VectorSchemaRoot(FIELDS, vectors, rows);
    }

    private static byte[] arrowsOwn(VectorSchemaRoot batch) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ArrowStreamWriter writer = new ArrowStreamWriter(batch, null, out)) {
            writer.start();
            writer.writeBatch();
            writer.end();
        }
        return out.toByteArray();
    }
}
