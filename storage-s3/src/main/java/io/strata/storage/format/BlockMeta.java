package io.strata.storage.format;

import java.util.List;

/** One block of rows of a data object: its row count and one chunk per column, in schema order. */
public record BlockMeta(int rowCount, List<ColumnChunk> columns) {
    public BlockMeta {
        columns = List.copyOf(columns);
        if (rowCount < 0) {
            throw new IllegalArgumentException("negative row count: " + rowCount);
        }
    }
}
