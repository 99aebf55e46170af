package io.strata.txn.mvcc;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RowCopierShareTest {
    @Test
    void sharedRowsOutliveTheirSourcesWithoutCopying() {
        try (BufferAllocator root = new RootAllocator();
             BufferAllocator cache = root.newChildAllocator("cache", 0, Long.MAX_VALUE);
             BufferAllocator query = root.newChildAllocator("query", 0, Long.MAX_VALUE)) {
            BigIntVector numbers = new BigIntVector("n", cache);
            VarCharVector texts = new VarCharVector("t", cache);
            for (int i = 0; i < 100; i++) {
                numbers.setSafe(i, i * 3L);
                if (i % 10 == 0) {
                    texts.setNull(i);
                } else {
                    texts.setSafe(i, ("row " + i).getBytes(StandardCharsets.UTF_8));
                }
            }
            numbers.setValueCount(100);
            texts.setValueCount(100);
            long numbersAddress = numbers.getDataBuffer().memoryAddress();
            List<Field> fields = List.of(numbers.getField(), texts.getField(),
                    new Field("__rowid", FieldType.nullable(new ArrowType.Int(64, true)), null));
            long[] rowIds = new long[100];
            for (int i = 0; i < 100; i++) {
                rowIds[i] = 1000 + i;
            }
            try (VectorSchemaRoot shared = RowCopier.share(List.<FieldVector>of(numbers, texts), 100, fields, rowIds, query)) {
                assertEquals(numbersAddress, ((BigIntVector) shared.getVector(0)).getDataBuffer().memoryAddress(),
                        "the values are the source's memory, not a copy");
                numbers.close(); // evicted from the cache while the batch lives
                texts.close();
                assertEquals(99 * 3L, ((BigIntVector) shared.getVector(0)).get(99));
                assertEquals("row 42", shared.getVector(1).getObject(42).toString());
                assertNull(shared.getVector(1).getObject(30));
                assertEquals(10, shared.getVector(1).getNullCount());
                assertEquals(1099L, ((BigIntVector) shared.getVector(2)).get(99));
            }
            assertEquals(0, cache.getAllocatedMemory() + query.getAllocatedMemory(), "every buffer released once");
        }
    }
}
