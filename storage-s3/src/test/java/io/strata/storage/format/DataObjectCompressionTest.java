package io.strata.storage.format;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.type.ArrowTypes;
import io.strata.common.type.ArrowValues;
import io.strata.common.type.DataType;
import io.strata.common.type.TypeKind;
import io.strata.storage.LocalDirObjectStore;
import io.strata.storage.ObjectStore;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Format version 2: compressed chunks (codec per chunk), objects of version 1 still read, the key filter. */
class DataObjectCompressionTest {
    private static final int ROWS = 2_500;
    private static final int BLOCK_ROWS = 1024;

    @TempDir
    Path dir;
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

    private byte[] objectBytes(List<Field> fields, ChunkCodec codec, long[] keyHashes) {
        DataObjectWriter writer = new DataObjectWriter(fields, BLOCK_ROWS, codec);
        try (VectorSchemaRoot batch = DataObjectFormatTest.batch(fields, ROWS, allocator)) {
            if (keyHashes == null) {
                writer.write(batch);
            } else {
                writer.write(batch, keyHashes);
            }
        }
        return writer.finish();
    }

    private void assertAllRowsRead(DataObjectReader reader, List<Field> fields) {
        int[] all = IntStream.range(0, fields.size()).toArray();
        int base = 0;
        for (int block = 0; block < reader.footer().blocks().size(); block++) {
            try (VectorSchemaRoot rows = reader.readBlock(block, all, allocator)) {
                for (int c = 0; c < fields.size(); c++) {
                    TypeKind kind = ArrowTypes.sqlType(fields.get(c)).kind();
                    for (int row = 0; row < rows.getRowCount(); row++) {
                        DataObjectFormatTest.assertValue(DataObjectFormatTest.value(kind, base + row),
                                ArrowValues.get(rows.getVector(c), row), kind + " row " + (base + row));
                    }
                }
                base += rows.getRowCount();
            }
        }
        assertEquals(ROWS, base);
    }

    @Test
    void everyCodecRoundTripsEveryTypeAndIsRecordedPerChunk() {
        List<Field> fields = DataObjectFormatTest.allTypes();
        int uncompressedBytes = objectBytes(fields, ChunkCodec.NONE, null).length;
        for (ChunkCodec codec : ChunkCodec.values()) {
            byte[] bytes = objectBytes(fields, codec, null);
            store.put("t/" + codec, bytes);
            DataObjectReader reader = DataObjectReader.open(store, "t/" + codec);
            assertAllRowsRead(reader, fields);
            List<ColumnChunk> chunks = reader.footer().blocks().stream().flatMap(b -> b.columns().stream()).toList();
            assertTrue(chunks.stream().allMatch(c -> c.codec() == codec || c.codec() == ChunkCodec.NONE), codec.name());
            assertTrue(chunks.stream().allMatch(c -> c.codec() == ChunkCodec.NONE || c.length() < c.rawLength()), codec.name());
            System.out.printf("data object, %d rows of %d columns (every type): %s %d bytes (%.2fx)%n", ROWS,
                    fields.size(), codec, bytes.length, uncompressedBytes / (double) bytes.length);
            if (codec != ChunkCodec.NONE) {
                assertTrue(chunks.stream().anyMatch(c -> c.codec() == codec), codec + " is used");
                assertTrue(bytes.length < uncompressedBytes * 0.7, codec + ": " + bytes.length + " of " + uncompressedBytes);
            }
        }
        assertEquals(ChunkCodec.LZ4, DataObjectWriter.DEFAULT_CODEC);
    }

    /** An object laid out as the version-1 writer did: uncompressed IPC chunks, a version-1 footer. */
    private byte[] versionOneObject(List<Field> fields) {
        DataObjectWriter writer = new DataObjectWriter(fields, BLOCK_ROWS, ChunkCodec.NONE);
        try (VectorSchemaRoot batch = DataObjectFormatTest.batch(fields, ROWS, allocator)) {
            writer.write(batch);
        }
        byte[] current = writer.finish();
        store.put("t/current", current);
        ObjectFooter footer = DataObjectReader.open(store, "t/current").footer();
        long dataBytes = footer.blocks().getLast().columns().getLast().offset()
                + footer.blocks().getLast().columns().getLast().length();
        byte[] oldFooter = FooterCodec.encode(footer, FooterCodec.VERSION_UNCOMPRESSED);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(current, 0, (int) dataBytes);
        out.writeBytes(oldFooter);
        out.writeBytes(FooterCodec.trailer(oldFooter.length));
        return out.toByteArray();
    }

    @Test
    void objectsWrittenBeforeCompressionStillRead() {
        List<Field> fields = DataObjectFormatTest.allTypes();
        byte[] old = versionOneObject(fields);
        assertEquals(FooterCodec.VERSION_UNCOMPRESSED, java.nio.ByteBuffer.wrap(old,
                old.length - FooterCodec.TRAILER_BYTES - java.nio.ByteBuffer.wrap(old, old.length - FooterCodec.TRAILER_BYTES, 4)
                        .getInt(), 4).getInt(), "the footer says version 1");
        store.put("t/old", old);
        DataObjectReader reader = DataObjectReader.open(store, "t/old");
        assertTrue(reader.footer().keyFilter().isEmpty());
        assertTrue(reader.mightContainKey(12345, false), "no filter: every key may be there");
        assertTrue(reader.footer().blocks().stream().flatMap(b -> b.columns().stream())
                .allMatch(c -> c.codec() == ChunkCodec.NONE && c.rawLength() == c.length()));
        assertAllRowsRead(reader, fields);
    }

    @Test
    void keyFilterAdmitsEveryWrittenKeyAndFewOthers() {
        List<Field> fields = List.of(ArrowTypes.field("id", DataType.BIGINT, false), ArrowTypes.field("s", DataType.TEXT, true));
        long[] hashes = LongHashes.of(0, ROWS);
        store.put("t/filtered", objectBytes(fields, ChunkCodec.LZ4, hashes));
        DataObjectReader reader = DataObjectReader.open(store, "t/filtered");
        BloomFilter filter = reader.footer().keyFilter().orElseThrow();
        assertEquals((ROWS * BloomFilter.BITS_PER_KEY + 63) / 64 * 8, filter.sizeInBytes(), "10 bits a key, whole words");
        for (long hash : hashes) {
            assertTrue(reader.mightContainKey(hash, false), "no false negative");
        }
        long admitted = java.util.Arrays.stream(LongHashes.of(ROWS, 10 * ROWS)).filter(hash -> reader.mightContainKey(hash, false)).count();
        assertTrue(admitted < ROWS * 10 / 50, admitted + " of " + 10 * ROWS + " absent keys admitted");

        store.put("t/plain", objectBytes(fields, ChunkCodec.LZ4, null));
        assertTrue(DataObjectReader.open(store, "t/plain").footer().keyFilter().isEmpty(), "no hashes, no filter");
    }

    @Test
    void aVersionTwoFilterCannotRuleOutKeysWithText() {
        List<Field> fields = List.of(ArrowTypes.field("id", DataType.BIGINT, false));
        long[] hashes = LongHashes.of(0, ROWS);
        byte[] current = objectBytes(fields, ChunkCodec.LZ4, hashes);
        store.put("t/v3", current);
        ObjectFooter footer = DataObjectReader.open(store, "t/v3").footer();
        assertTrue(footer.keyFilterFoldsText(), "written now: format 3");
        int footerLength = java.nio.ByteBuffer.wrap(current, current.length - FooterCodec.TRAILER_BYTES, 4).getInt();
        byte[] oldFooter = FooterCodec.encode(footer, FooterCodec.VERSION_UNFOLDED_FILTER);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(current, 0, current.length - FooterCodec.TRAILER_BYTES - footerLength);
        out.writeBytes(oldFooter);
        out.writeBytes(FooterCodec.trailer(oldFooter.length));
        store.put("t/v2", out.toByteArray());

        DataObjectReader old = DataObjectReader.open(store, "t/v2");
        assertFalse(old.footer().keyFilterFoldsText());
        long absent = java.util.Arrays.stream(LongHashes.of(ROWS, 10 * ROWS))
                .filter(hash -> !old.mightContainKey(hash, false)).findFirst().orElseThrow();
        assertTrue(old.mightContainKey(absent, true), "a text key's hash then was of other bytes: never ruled out");
        assertFalse(DataObjectReader.open(store, "t/v3").mightContainKey(absent, true), "format 3 filters rule out text keys");
        for (long hash : hashes) {
            assertTrue(old.mightContainKey(hash, false));
        }
        assertAllRowsRead(old, fields);
    }

    @Test
    void aFilterMissingSomeRowsIsRefused() {
        List<Field> fields = List.of(ArrowTypes.field("id", DataType.BIGINT, false));
        DataObjectWriter writer = new DataObjectWriter(fields, BLOCK_ROWS);
        try (VectorSchemaRoot batch = DataObjectFormatTest.batch(fields, 10, allocator)) {
            writer.write(batch, LongHashes.of(0, 10));
            writer.write(batch);
        }
        assertThrows(IllegalStateException.class, writer::finish);
        DataObjectWriter mismatched = new DataObjectWriter(fields, BLOCK_ROWS);
        try (VectorSchemaRoot batch = DataObjectFormatTest.batch(fields, 10, allocator)) {
            assertThrows(IllegalArgumentException.class, () -> mismatched.write(batch, new long[3]));
        }
    }

    @Test
    void aCorruptCompressedChunkFailsAsAStorageError() {
        List<Field> fields = List.of(ArrowTypes.field("s", DataType.TEXT, true));
        for (ChunkCodec codec : List.of(ChunkCodec.LZ4, ChunkCodec.ZSTD)) {
            byte[] bytes = objectBytes(fields, codec, null);
            store.put("t/good", bytes);
            ColumnChunk chunk = DataObjectReader.open(store, "t/good").footer().blocks().get(0).columns().get(0);
            assertEquals(codec, chunk.codec());
            for (int i = 0; i < chunk.length(); i += 7) {
                bytes[(int) chunk.offset() + i] ^= 0x5a; // garble the compressed stream
            }
            store.put("t/bad", bytes);
            DataObjectReader reader = DataObjectReader.open(store, "t/bad");
            StrataException error = assertThrows(StrataException.class, () -> {
                try (VectorSchemaRoot rows = reader.readBlock(0, new int[] {0}, allocator)) {
                    rows.getRowCount();
                }
            }, codec.name());
            assertEquals(ErrorCode.ER_STORAGE_FAILURE, error.code());
        }
    }

    @Test
    void theChunkCacheSkipsFetchAndDecompressionOfARepeatedBlock() {
        List<Field> fields = DataObjectFormatTest.allTypes();
        store.put("t/cached", objectBytes(fields, ChunkCodec.LZ4, null));
        RecordingObjectStore recording = new RecordingObjectStore(store);
        ChunkCache cache = new ChunkCache(1 << 20);
        DataObjectReader reader = DataObjectReader.open(recording, "t/cached", cache);
        int[] columns = {0, 3, 8};
        List<List<Object>> firstValues = new ArrayList<>();
        for (int read = 0; read < 2; read++) {
            try (VectorSchemaRoot rows = reader.readBlock(1, columns, allocator)) {
                List<Object> values = new ArrayList<>();
                for (int c = 0; c < columns.length; c++) {
                    values.add(String.valueOf(ArrowValues.get(rows.getVector(c), 5)));
                }
                if (read == 0) {
                    firstValues.add(values);
                } else {
                    assertEquals(firstValues.getFirst(), values);
                }
            }
        }
        assertEquals(2 + columns.length, recording.ranges.size(), "footer, trailer, then each chunk once");
        assertEquals(columns.length, cache.misses());
        assertEquals(columns.length, cache.hits());
        assertTrue(cache.cachedBytes() > 0 && cache.cachedBytes() <= 1 << 20);
        assertFalse(DataObjectReader.open(store, "t/cached").footer().blocks().isEmpty());
    }

    /** Stand-in key hashes: a caller hashes its key bytes; here the key is the row number. */
    static final class LongHashes {
        static long[] of(int from, int to) {
            return IntStream.range(from, to).mapToLong(i -> i * 0x9E3779B97F4A7C15L).toArray();
        }
    }
}
