package io.strata.storage.format;

import org.apache.arrow.vector.types.pojo.Field;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a data object's footer says: the schema, the total row count, each block's chunks and, when the
 * writer was given key hashes, a Bloom filter of the primary key hashes of all rows.
 * {@code keyFilterFoldsText} is false for objects written before format 3, whose writers hashed string
 * key parts as stored rather than folded by the collation: their filter cannot rule out a key with text.
 * {@code distinctSketches} holds one entry per column: a sketch of its distinct values, empty for columns
 * whose values are not hashed and in objects written before format 4.
 */
public record ObjectFooter(List<ColumnSchema> schema, long rowCount, List<BlockMeta> blocks,
                           Optional<BloomFilter> keyFilter, boolean keyFilterFoldsText,
                           List<Optional<DistinctSketch>> distinctSketches) {
    public ObjectFooter {
        schema = List.copyOf(schema);
        blocks = List.copyOf(blocks);
        distinctSketches = List.copyOf(distinctSketches);
        Objects.requireNonNull(keyFilter, "keyFilter");
        if (distinctSketches.size() != schema.size()) {
            throw new IllegalArgumentException(distinctSketches.size() + " distinct sketches for " + schema.size()
                    + " columns");
        }
        long sum = 0;
        for (BlockMeta block : blocks) {
            if (block.columns().size() != schema.size()) {
                throw new IllegalArgumentException("block has " + block.columns().size() + " chunks for "
                        + schema.size() + " columns");
            }
            sum += block.rowCount();
        }
        if (sum != rowCount) {
            throw new IllegalArgumentException("blocks hold " + sum + " rows, footer says " + rowCount);
        }
    }

    /** A footer without distinct sketches (objects written before format 4). */
    public ObjectFooter(List<ColumnSchema> schema, long rowCount, List<BlockMeta> blocks,
                        Optional<BloomFilter> keyFilter, boolean keyFilterFoldsText) {
        this(schema, rowCount, blocks, keyFilter, keyFilterFoldsText, noSketches(schema.size()));
    }

    /** A footer with a key filter (if any) of folded keys and no distinct sketches. */
    public ObjectFooter(List<ColumnSchema> schema, long rowCount, List<BlockMeta> blocks, Optional<BloomFilter> keyFilter) {
        this(schema, rowCount, blocks, keyFilter, true);
    }

    static List<Optional<DistinctSketch>> noSketches(int columns) {
        return java.util.Collections.nCopies(columns, Optional.empty());
    }

    /** A footer without a key filter. */
    public ObjectFooter(List<ColumnSchema> schema, long rowCount, List<BlockMeta> blocks) {
        this(schema, rowCount, blocks, Optional.empty());
    }

    public List<Field> fields() {
        return schema.stream().map(ColumnSchema::field).toList();
    }

    /** The index of the column named {@code name} (exact), or -1. */
    public int columnIndex(String name) {
        for (int i = 0; i < schema.size(); i++) {
            if (schema.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * False only if no row of the object has a key hashing to {@code keyHash}; true without a filter, and
     * for a key with a text part ({@code keyHasText}) when the filter predates folded text.
     */
    public boolean mightContainKey(long keyHash, boolean keyHasText) {
        return keyFilter.isEmpty() || (keyHasText && !keyFilterFoldsText) || keyFilter.get().mightContain(keyHash);
    }
}
