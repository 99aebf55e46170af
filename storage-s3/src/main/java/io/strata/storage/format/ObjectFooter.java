package io.strata.storage.format;

import org.apache.arrow.vector.types.pojo.Field;

import java.util.List;

/** What a data object's footer says: the schema, the total row count and each block's chunks. */
public record ObjectFooter(List<ColumnSchema> schema, long rowCount, List<BlockMeta> blocks) {
    public ObjectFooter {
        schema = List.copyOf(schema);
        blocks = List.copyOf(blocks);
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
}
