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

/**
 * The footer's bytes and the fixed trailer after them. An object ends with
 * {@code footer | int footerLength | 8-byte magic}, so a reader finds the footer with two ranged GETs.
 */
public final class FooterCodec {
    public static final byte[] MAGIC = "STRATA01".getBytes(StandardCharsets.US_ASCII);
    public static final int TRAILER_BYTES = Integer.BYTES + 8;
    private static final int VERSION = 1;

    private FooterCodec() {}

    static byte[] encode(ObjectFooter footer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(VERSION);
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
                    boolean zoned = footer.schema().get(c).orderable();
                    if (zoned) {
                        ZoneValueCodec.write(out, type, chunk.min());
                        ZoneValueCodec.write(out, type, chunk.max());
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    static ObjectFooter decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int version = in.readInt();
            if (version != VERSION) {
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
                    long offset = in.readLong();
                    int length = in.readInt();
                    int nullCount = in.readInt();
                    Object min = column.orderable() ? ZoneValueCodec.read(in, column.type()) : null;
                    Object max = column.orderable() ? ZoneValueCodec.read(in, column.type()) : null;
                    chunks.add(new ColumnChunk(offset, length, min, max, nullCount));
                }
                blocks.add(new BlockMeta(rows, chunks));
            }
            return new ObjectFooter(schema, rowCount, blocks);
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
