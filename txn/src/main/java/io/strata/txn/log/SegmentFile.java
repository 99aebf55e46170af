package io.strata.txn.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * One log segment: a file named after the LSN of its first record, holding records framed as
 * {@code int length | int crc32c(payload) | payload}, then zeros: the writer extends a segment with
 * zeros ahead of its records so that most fsyncs flush data only, not the file's size (a metadata
 * change costs a journal commit). A frame of length 0 is where the records end. Scanning stops there,
 * or at the first frame that is short or fails its checksum: where a crash tore the last write.
 */
final class SegmentFile {
    static final int HEADER_BYTES = 8;
    static final String SUFFIX = ".log";
    /** A bound on one record, so a corrupt length cannot make us allocate gigabytes. */
    static final int MAX_RECORD_BYTES = 1 << 30;

    private SegmentFile() {}

    static String name(long baseLsn) {
        return String.format("%020d%s", baseLsn, SUFFIX);
    }

    static long baseLsn(Path file) {
        String name = file.getFileName().toString();
        return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
    }

    /**
     * What a scan found: how many valid records, where the valid prefix ends, the file's size, and
     * whether the records ended cleanly (at the file's end or at a zero frame) rather than torn.
     */
    record ScanResult(long records, long validBytes, long fileBytes, boolean cleanEnd) {
        boolean torn() {
            return !cleanEnd;
        }
    }

    /** Reads the valid records of {@code file}, giving those with LSN ≥ {@code fromLsn} to {@code consumer}. */
    static ScanResult scan(Path file, long fromLsn, LogService.LogConsumer consumer) throws IOException {
        long lsn = baseLsn(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            long position = 0;
            long records = 0;
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
            boolean cleanEnd = true;
            while (position + HEADER_BYTES <= size) {
                header.clear();
                readFully(channel, header, position);
                header.flip();
                int length = header.getInt();
                int crc = header.getInt();
                if (length == 0 && crc == 0) {
                    break; // the zeros the writer put ahead of its records
                }
                if (length <= 0 || length > MAX_RECORD_BYTES || position + HEADER_BYTES + length > size) {
                    cleanEnd = false;
                    break;
                }
                ByteBuffer payload = ByteBuffer.allocate(length);
                readFully(channel, payload, position + HEADER_BYTES);
                if (crc32c(payload.array()) != crc) {
                    cleanEnd = false;
                    break;
                }
                if (lsn >= fromLsn) {
                    consumer.accept(lsn, payload.array());
                }
                lsn++;
                records++;
                position += HEADER_BYTES + length;
            }
            if (cleanEnd && position < size && position + HEADER_BYTES > size) {
                cleanEnd = isZero(channel, position, size); // a short tail: zeros, or a torn header
            }
            return new ScanResult(records, position, size, cleanEnd);
        }
    }

    private static boolean isZero(FileChannel channel, long from, long to) throws IOException {
        ByteBuffer tail = ByteBuffer.allocate((int) (to - from));
        readFully(channel, tail, from);
        for (byte b : tail.array()) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    static int crc32c(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return (int) crc.getValue();
    }

    static void frame(ByteBuffer target, byte[] payload) {
        target.putInt(payload.length).putInt(crc32c(payload)).put(payload);
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("unexpected end of log segment");
            }
        }
    }
}
