package io.strata.txn.cache;

import io.strata.common.type.ArrowTypes;
import io.strata.common.type.DataType;
import io.strata.storage.LocalDirObjectStore;
import io.strata.storage.ObjectStore;
import io.strata.storage.format.DataObjectReader;
import io.strata.storage.format.DataObjectWriter;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecodedBlockCacheTest {
    private static final int BLOCK_ROWS = 1000;
    private static final int BLOCKS = 20;
    private static final List<Field> FIELDS = List.of(
            ArrowTypes.field("id", DataType.INT, false),
            ArrowTypes.field("text", DataType.varchar(100), true));

    @TempDir
    Path dir;
    RootAllocator allocator;
    ObjectStore store;
    DataObjectReader reader;

    @BeforeEach
    void writeObject() {
        allocator = new RootAllocator();
        store = new LocalDirObjectStore(dir);
        DataObjectWriter writer = new DataObjectWriter(FIELDS, BLOCK_ROWS);
        try (VectorSchemaRoot rows = VectorSchemaRoot.create(new org.apache.arrow.vector.types.pojo.Schema(FIELDS), allocator)) {
            int count = BLOCK_ROWS * BLOCKS;
            IntVector ids = (IntVector) rows.getVector(0);
            VarCharVector texts = (VarCharVector) rows.getVector(1);
            ids.allocateNew(count);
            texts.allocateNew(count);
            for (int i = 0; i < count; i++) {
                ids.set(i, i);
                texts.setSafe(i, text(i).getBytes(StandardCharsets.UTF_8));
            }
            rows.setRowCount(count);
            writer.write(rows);
        }
        store.put("data/object-1", writer.finish());
        reader = DataObjectReader.open(store, "data/object-1");
    }

    @AfterEach
    void close() {
        store.close();
        allocator.close(); // fails the test on a leak
    }

    private static String text(int i) {
        return "row-" + i + "-" + "x".repeat(i % 50);
    }

    private static void assertBlock(PinnedColumns pinned, int block) {
        assertEquals(BLOCK_ROWS, pinned.rowCount());
        for (int row = 0; row < BLOCK_ROWS; row += 97) {
            int expected = block * BLOCK_ROWS + row;
            assertEquals(expected, ((IntVector) pinned.vector(0)).get(row));
            assertEquals(text(expected), new String(((VarCharVector) pinned.vector(1)).get(row), StandardCharsets.UTF_8));
        }
    }

    @Test
    void secondPinOfABlockIsAHitWithTheSameValues() {
        try (DecodedBlockCache cache = new DecodedBlockCache(64 << 20, allocator)) {
            try (PinnedColumns first = cache.pin(reader, 3, new int[] {0, 1})) {
                assertBlock(first, 3);
            }
            assertEquals(0, cache.hits());
            assertEquals(2, cache.misses());
            try (PinnedColumns second = cache.pin(reader, 3, new int[] {1, 0})) {
                assertEquals(3 * BLOCK_ROWS + 5, ((IntVector) second.vector(1)).get(5));
            }
            assertEquals(2, cache.hits());
        }
    }

    @Test
    void staysWithinItsCapacityAndAPinnedChunkOutlivesItsEviction() {
        long capacity;
        try (DecodedBlockCache probe = new DecodedBlockCache(64 << 20, allocator);
             PinnedColumns one = probe.pin(reader, 0, new int[] {0, 1})) {
            capacity = 3 * probe.allocatedBytes(); // room for about three blocks
        }
        try (DecodedBlockCache cache = new DecodedBlockCache(capacity, allocator)) {
            PinnedColumns held = cache.pin(reader, 0, new int[] {0, 1});
            for (int block = 1; block < BLOCKS; block++) {
                try (PinnedColumns pinned = cache.pin(reader, block, new int[] {0, 1})) {
                    assertBlock(pinned, block);
                }
                long heldBytes = capacity / 3;
                assertTrue(cache.allocatedBytes() <= capacity + 2 * heldBytes,
                        "cache holds " + cache.allocatedBytes() + " bytes over a capacity of " + capacity);
            }
            assertBlock(held, 0); // evicted long ago, still readable while pinned
            held.close();
        }
    }

    @Test
    void concurrentReadersAlwaysSeeTheirBlock() throws Exception {
        long oneBlock;
        try (DecodedBlockCache probe = new DecodedBlockCache(64 << 20, allocator);
             PinnedColumns one = probe.pin(reader, 0, new int[] {0, 1})) {
            oneBlock = probe.allocatedBytes();
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (DecodedBlockCache cache = new DecodedBlockCache(4 * oneBlock, allocator)) {
            List<Future<?>> readers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                long seed = t;
                readers.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    for (int i = 0; i < 300; i++) {
                        int block = random.nextInt(BLOCKS / 2);
                        try (PinnedColumns pinned = cache.pin(reader, block, new int[] {0, 1})) {
                            assertBlock(pinned, block);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : readers) {
                future.get(60, TimeUnit.SECONDS);
            }
            assertTrue(cache.hits() > 0, "some pins were hits");
        } finally {
            pool.shutdownNow();
        }
    }
}
