package io.strata.storage.format;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;
import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;

/**
 * How a column chunk's Arrow IPC bytes are compressed. The id is stored per chunk in the footer, so an
 * object may mix codecs and a reader decodes whatever an older or newer writer chose. Ids are never
 * reused. Decoding needs the raw length, which the footer keeps beside the id.
 */
public enum ChunkCodec {
    /** Stored as is (objects written before format version 2, and chunks that would not shrink). */
    NONE(0) {
        @Override
        byte[] compress(byte[] raw) {
            return raw;
        }

        @Override
        byte[] decompress(byte[] stored, int rawLength) {
            return stored;
        }
    },
    /** LZ4 block format: the cheapest decode, for hot data read by point lookups. */
    LZ4(1) {
        @Override
        byte[] compress(byte[] raw) {
            return LZ4_FACTORY.fastCompressor().compress(raw);
        }

        @Override
        byte[] decompress(byte[] stored, int rawLength) {
            byte[] raw = new byte[rawLength];
            try {
                // The safe decompressor checks bounds against the input: a corrupt chunk fails, never overreads.
                int written = LZ4_FACTORY.safeDecompressor().decompress(stored, 0, stored.length, raw, 0, rawLength);
                checkLength(written, rawLength);
                return raw;
            } catch (LZ4Exception e) {
                throw new StrataException(ErrorCode.ER_STORAGE_FAILURE, "corrupt LZ4 chunk: " + e.getMessage(), e);
            }
        }
    },
    /** Zstandard level 3: 2-4x smaller than LZ4 on sorted keys and text, for cold data; decodes slower. */
    ZSTD(2) {
        @Override
        byte[] compress(byte[] raw) {
            return Zstd.compress(raw, ZSTD_LEVEL);
        }

        @Override
        byte[] decompress(byte[] stored, int rawLength) {
            try {
                byte[] raw = new byte[rawLength];
                long written = Zstd.decompressByteArray(raw, 0, rawLength, stored, 0, stored.length);
                if (Zstd.isError(written)) {
                    throw StrataException.of(ErrorCode.ER_STORAGE_FAILURE, "corrupt Zstandard chunk: %s",
                            Zstd.getErrorName(written));
                }
                checkLength(written, rawLength);
                return raw;
            } catch (ZstdException e) {
                throw new StrataException(ErrorCode.ER_STORAGE_FAILURE, "corrupt Zstandard chunk: " + e.getMessage(), e);
            }
        }
    };

    private static final LZ4Factory LZ4_FACTORY = LZ4Factory.fastestInstance();
    private static final int ZSTD_LEVEL = 3;

    private final int id;

    ChunkCodec(int id) {
        this.id = id;
    }

    /** The byte stored in the footer. */
    public int id() {
        return id;
    }

    /** The codec stored as {@code id}; ER_STORAGE_FAILURE for an id this version does not know. */
    public static ChunkCodec ofId(int id) {
        for (ChunkCodec codec : values()) {
            if (codec.id == id) {
                return codec;
            }
        }
        throw StrataException.of(ErrorCode.ER_STORAGE_FAILURE, "unknown chunk codec %d", id);
    }

    /** The compressed bytes of {@code raw} (may be longer than raw: the writer then stores NONE). */
    abstract byte[] compress(byte[] raw);

    /** The {@code rawLength} original bytes; ER_STORAGE_FAILURE if {@code stored} is corrupt. */
    abstract byte[] decompress(byte[] stored, int rawLength);

    private static void checkLength(long written, int rawLength) {
        if (written != rawLength) {
            throw StrataException.of(ErrorCode.ER_STORAGE_FAILURE, "chunk decoded to %d bytes, footer says %d",
                    written, rawLength);
        }
    }
}
