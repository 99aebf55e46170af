package io.strata.txn;

import io.strata.storage.format.BlockMeta;
import io.strata.storage.format.ColumnChunk;
import io.strata.storage.format.DistinctSketch;
import io.strata.storage.format.ObjectFooter;
import io.strata.txn.mvcc.DataObjectRef;
import io.strata.txn.mvcc.ObjectBlocks;

import java.util.List;
import java.util.Optional;

/** A column's {@link ColumnStatistics} gathered from the footers of a table's data objects. */
final class ObjectColumnStatistics {
    /** A sample whose values are mostly distinct is taken for a key: its distinct count grows with the rows. */
    private static final double KEY_LIKE = 0.5;

    private ObjectColumnStatistics() {}

    /**
     * Merges the column's sketches, null counts and zone maps over {@code objects}; {@code tableRows}, the
     * rows the table holds, scales a key-like distinct count up to rows no sketch covers (logtail rows,
     * objects written before sketches). Empty when no object has a sketch of the column.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Optional<ColumnStatistics> of(List<DataObjectRef> objects, String column, ObjectBlocks blocks, long tableRows) {
        DistinctSketch merged = null;
        long sketchedRows = 0;
        long rows = 0;
        long nulls = 0;
        Comparable min = null;
        Comparable max = null;
        for (DataObjectRef object : objects) {
            ObjectFooter footer = blocks.reader(object.key()).footer();
            int index = footer.columnIndex(column);
            if (index < 0) {
                continue; // written before the column was added: its rows are NULLs or defaults there
            }
            Optional<DistinctSketch> sketch = footer.distinctSketches().get(index);
            if (sketch.isPresent()) {
                if (merged == null) {
                    merged = sketch.get().copy();
                } else {
                    merged.merge(sketch.get());
                }
                sketchedRows += footer.rowCount();
            }
            rows += footer.rowCount();
            for (BlockMeta block : footer.blocks()) {
                ColumnChunk chunk = block.columns().get(index);
                nulls += chunk.nullCount();
                if (chunk.min() instanceof Comparable low && (min == null || low.compareTo(min) < 0)) {
                    min = low;
                }
                if (chunk.max() instanceof Comparable high && (max == null || high.compareTo(max) > 0)) {
                    max = high;
                }
            }
        }
        if (merged == null) {
            return Optional.empty();
        }
        double distinct = merged.estimate();
        double nullFraction = rows == 0 ? 0 : (double) nulls / rows;
        double nonNullSketched = sketchedRows * (1 - nullFraction);
        double nonNullRows = Math.max(tableRows, 0) * (1 - nullFraction);
        if (nonNullSketched > 0 && distinct >= KEY_LIKE * nonNullSketched && nonNullRows > nonNullSketched) {
            distinct *= nonNullRows / nonNullSketched;
        }
        if (nonNullRows > 0) {
            distinct = Math.min(distinct, nonNullRows);
        }
        return Optional.of(new ColumnStatistics(Math.max(distinct, 0), nullFraction, min, max));
    }
}
