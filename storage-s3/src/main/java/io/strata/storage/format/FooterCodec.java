package io.strata.storage.format;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.type.DataType;
import io.strata.common.type.TypeKind;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The footer's bytes and the fixed trailer after them. An object ends with
 * {@code footer | int footerLength | 8-byte magic}, so a reader finds the footer with two ranged GETs.
 * The footer starts with its version. Version 1: chunks are uncompressed, no key filter. Version 2 adds per
 * chunk {@code byte codec [int rawLength unless NONE]} after the null count, and after the blocks
 * {@code boolean hasFilter [int hashFunctions, int words, long[words]]}. Version 3 (written now) has version
 * 2's layout; its key filter hashes string key parts folded by the collation (see
 * {@link ObjectFooter#keyFilterFoldsText}). Version 4 (written now) adds after the filter, per column,
 * {@code boolean hasSketch [byte[1024] registers]}: the {@link DistinctSketch} of the column's values.
 * All four are read.
 */
public final class FooterCodec {
    public static final byte[] MAGIC = "STRATA01".getBytes(StandardCharsets.US_ASCII);
    public static final int TRAILER_BYTES = Integer.BYTES + 8;
    static final int VERSION_UNCOMPRESSED = 1;
    static final int VERSION_UNFOLDED_FILTER = 2;
    static final int VERSION_FOLDED_FILTER = 3;
    static final int VERSION = 4;

    private FooterCodec() {}

    static byte[] encode(ObjectFooter footer) {
        return encode(footer, VERSION);
    }

    /** The footer in format {@code version}; version 1 only for footers it can hold (tests of old objects). */
    static byte[] encode(ObjectFooter footer, int version) {
        if (version < VERSION_UNCOMPRESSED || version > VERSION) {
            throw new IllegalArgumentException("cannot write data object version " + version);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(version);
            out.writeInt(footer.schema().size());
            for (ColumnSchema column : footer.schema()) {
                out.writeUTF(column.name());
                out.writeUTF(column.type().kind().name());
                out.writeInt(column.type().precision());
                out.writeInt(column.type().scale());
                out.writeBoolean(column.nullable());
            }
            out.writeLong(footer.rowCount());
            out.writeInt(footer.blocks().size());
            for (BlockMeta block : footer.blocks()) {
                out.writeInt(block.rowCount());
                for (int c = 0; c < footer.schema().size(); c++) {
                    ColumnChunk chunk = block.columns().get(c);
                    DataType type = footer.schema().get(c).type();
                    out.writeLong(chunk.offset());
                    out.writeInt(chunk.length());
                    out.writeInt(chunk.nullCount());
                    if (version >= 2) {
                        writeCodec(out, chunk);
                    } else if (chunk.codec() != ChunkCodec.NONE) {
                        throw new IllegalArgumentException("version 1 cannot hold a compressed chunk");
                    }
                    boolean zoned = footer.schema().get(c).orderable();
                    if (zoned) {
                        ZoneValueCodec.write(out, type, chunk.min());
                        ZoneValueCodec.write(out, type, chunk.max());
                    }
                }
            }
            if (version >= 2) {
                writeFilter(out, footer.keyFilter());
            } else if (footer.keyFilter().isPresent()) {
                throw new IllegalArgumentException("version 1 cannot hold a key filter");
            }
            if (version >= VERSION) {
                writeSketches(out, footer.distinctSketches());
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    private static void writeCodec(DataOutputStream out, ColumnChunk chunk) throws IOException {
        out.writeByte(chunk.codec().id());
        if (chunk.codec() != ChunkCodec.NONE) {
            out.writeInt(chunk.rawLength());
        }
    }

    private static void writeFilter(DataOutputStream out, Optional<BloomFilter> filter) throws IOException {
        out.writeBoolean(filter.isPresent());
        if (filter.isPresent()) {
            long[] words = filter.get().words();
            out.writeInt(filter.get().hashFunctions());
            out.writeInt(words.length);
            for (long word : words) {
                out.writeLong(word);
            }
        }
    }

    private static void writeSketches(DataOutputStream out, List<Optional<DistinctSketch>> sketches) throws IOException {
        for (Optional<DistinctSketch> sketch : sketches) {
            out.writeBoolean(sketch.isPresent());
            if (sketch.isPresent()) {
                out.write(sketch.get().registers());
            }
        }
    }

    private static List<Optional<DistinctSketch>> readSketches(DataInputStream in, int version, int columns)
            throws IOException {
        if (version < VERSION) {
            return ObjectFooter.noSketches(columns);
        }
        List<Optional<DistinctSketch>> sketches = new ArrayList<>(columns);
        for (int c = 0; c < columns; c++) {
            if (in.readBoolean()) {
                byte[] registers = new byte[DistinctSketch.REGISTERS];
                in.readFully(registers);
                sketches.add(Optional.of(DistinctSketch.ofRegisters(registers)));
            } else {
                sketches.add(Optional.empty());
            }
        }
        return sketches;
    }

    private static ColumnChunk readChunk(DataInputStream in, int version, ColumnSchema column) throws IOException {
        long offset = in.readLong();
        int length = in.readInt();
        int nullCount = in.readInt();
        ChunkCodec codec = version >= 2 ? ChunkCodec.ofId(in.readUnsignedByte()) : ChunkCodec.NONE;
        int rawLength = codec == ChunkCodec.NONE ? length : in.readInt();
        Object min = column.orderable() ? ZoneValueCodec.read(in, column.type()) : null;
        Object max = column.orderable() ? ZoneValueCodec.read(in, column.type()) : null;
        return new ColumnChunk(offset, length, min, max, nullCount, codec, rawLength);
    }

    private static Optional<BloomFilter> readFilter(DataInputStream in, int version) throws IOException {
        if (version < 2 || !in.readBoolean()) {
            return Optional.empty();
        }
        int hashFunctions = in.readInt();
        int wordCount = in.readInt();
        if (wordCount <= 0 || wordCount > in.available() / Long.BYTES) {
            throw new IOException("key filter of " + wordCount + " words does not fit the footer");
        }
        long[] words = new long[wordCount];
        for (int i = 0; i < wordCount; i++) {
            words[i] = in.readLong();
        }
        return Optional.of(BloomFilter.fromWords(hashFunctions, words));
    }

    static ObjectFooter decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int version = in.readInt();
            if (version < VERSION_UNCOMPRESSED || version > VERSION) {
                throw StrataException.of(ErrorCode.ER_STORAGE_FAILURE, "unknown data object version %d", version);
            }
            int columnCount = in.readInt();
            List<ColumnSchema> schema = new ArrayList<>(columnCount);
            for (int c = 0; c < columnCount; c++) {
                String name = in.readUTF();
                TypeKind kind = TypeKind.valueOf(in.readUTF());
                DataType type = new DataType(kind, in.readInt(), in.readInt());
                schema.add(new ColumnSchema(name, type, in.readBoolean()));
            }
            long rowCount = in.readLong();
            int blockCount = in.readInt();
            List<BlockMeta> blocks = new ArrayList<>(blockCount);
            for (int b = 0; b < blockCount; b++) {
                int rows = in.readInt();
                List<ColumnChunk> chunks = new ArrayList<>(columnCount);
                for (ColumnSchema column : schema) {
                    chunks.add(readChunk(in, version, column));
                }
                blocks.add(new BlockMeta(rows, chunks));
            }
            Optional<BloomFilter> keyFilter = readFilter(in, version);
            return new ObjectFooter(schema, rowCount, blocks, keyFilter, version >= VERSION_FOLDED_FILTER,
                    readSketches(in, version, columnCount));
        } catch (IOException | IllegalArgumentException e) {
            throw new StrataException(ErrorCode.ER_STORAGE_FAILURE, "corrupt data object footer: " + e.getMessage(), e);
        }
    }

    static byte[] trailer(int footerLength) {
        return ByteBuffer.allocate(TRAILER_BYTES).putInt(footerLength).put(MAGIC).array();
    }

    /** The footer length a trailer announces; throws ER_STORAGE_FAILURE if the magic is wrong. */
    static int footerLength(byte[] trailer, String key) {
        ByteBuffer buffer = ByteBuffer.wrap(trailer);
        int length = buffer.getInt();
        byte[] magic = new byte[MAGIC.length];
        buffer.get(magic);
        if (!java.util.Arrays.equals(magic, MAGIC) || length < 0) {
            throw StrataException.of(ErrorCode.ER_STORAGE_FAILURE, "%s is not a Strata data object", key);
        }
        return length;
    }
}
