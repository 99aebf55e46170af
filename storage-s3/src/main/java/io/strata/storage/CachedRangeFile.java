package io.strata.storage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * The bytes of one file of the {@link DiskCacheObjectStore}: a header naming the range, then the range.
 * {@code int magic | UTF objectKey | long offset | int length | int crc32c(data) | data}. Reading checks
 * every field against the range asked for and the checksum against the data, so a truncated, corrupt
 * or misplaced file reads as absent and is never returned.
 */
final class CachedRangeFile {
    private static final int MAGIC = 0x53524331; // "SRC1"

    private CachedRangeFile() {}

    static byte[] encode(String objectKey, long offset, byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(data.length + objectKey.length() + 32);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeUTF(objectKey);
            out.writeLong(offset);
            out.writeInt(data.length);
            out.writeInt(crc(data));
            out.write(data);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /** The cached range if {@code file} holds exactly {@code objectKey}[offset, offset+length) intact. */
    static Optional<byte[]> decode(byte[] file, String objectKey, long offset, int length) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(file))) {
            if (in.readInt() != MAGIC || !in.readUTF().equals(objectKey) || in.readLong() != offset
                    || in.readInt() != length) {
                return Optional.empty();
            }
            int crc = in.readInt();
            if (in.available() != length) {
                return Optional.empty(); // truncated, or trailing bytes
            }
            byte[] data = in.readNBytes(length);
            return crc(data) == crc ? Optional.of(data) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // a header cut short or garbled (EOF, bad modified UTF-8): not a valid file
        }
    }

    private static int crc(byte[] data) {
        CRC32C crc = new CRC32C();
        crc.update(data);
        return (int) crc.getValue();
    }
}
