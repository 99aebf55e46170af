package io.strata.compute.operator;

import io.strata.compute.expression.Column;
import io.strata.compute.plan.SortKey;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.List;
import java.util.PriorityQueue;

/**
 * Merges some of a sort's spilled runs into one order: the head row of every run in a priority queue, ties
 * going to the run listed earlier (runs hold earlier input first, so the sort stays stable). Holds one batch
 * per run; the runs stay the caller's.
 */
final class RunMerger implements AutoCloseable {
    private final List<Field> fields;
    private final SortKey[] keys;
    private final BufferAllocator allocator;
    private final SpillFiles.Reader[] readers;
    private final VectorSchemaRoot[] batches;
    private final Column[][] keyColumns;
    private final int[] rows;
    private final PriorityQueue<Integer> heads;

    /** Merges the files {@code files} of {@code runs}, listed in input order. */
    RunMerger(SpillFiles runs, List<Integer> files, List<Field> fields, List<SortKey> keys, BufferAllocator allocator) {
        this.fields = fields;
        this.keys = keys.toArray(SortKey[]::new);
        this.allocator = allocator;
        int count = files.size();
        this.readers = new SpillFiles.Reader[count];
        this.batches = new VectorSchemaRoot[count];
        this.keyColumns = new Column[count][];
        this.rows = new int[count];
        this.heads = new PriorityQueue<>(Math.max(1, count), (x, y) -> {
            int order = RowComparator.compare(keyColumns[x], rows[x], keyColumns[y], rows[y], this.keys);
            return order != 0 ? order : Integer.compare(x, y);
        });
        try {
            for (int run = 0; run < count; run++) {
                readers[run] = runs.open(files.get(run), fields, allocator);
                if (load(run)) {
                    heads.add(run);
                }
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Reads run {@code run}'s next batch; false at its end. */
    private boolean load(int run) {
        if (batches[run] != null) {
            batches[run].close();
            batches[run] = null;
        }
        VectorSchemaRoot batch;
        do {
            batch = readers[run].next();
        } while (batch != null && batch.getRowCount() == 0 && closeAndSkip(batch));
        if (batch == null) {
            return false;
        }
        batches[run] = batch;
        rows[run] = 0;
        Column[] columns = new Column[keys.length];
        for (int k = 0; k < keys.length; k++) {
            columns[k] = Column.read(batch.getVector(keys[k].column()), batch.getRowCount());
        }
        keyColumns[run] = columns;
        return true;
    }

    private static boolean closeAndSkip(VectorSchemaRoot empty) {
        empty.close();
        return true;
    }

    /** Up to {@code maxRows} next rows in order (the caller closes the batch), or null when every run is done. */
    VectorSchemaRoot next(int maxRows) {
        if (heads.isEmpty()) {
            return null;
        }
        VectorSchemaRoot out = VectorSchemaRoot.create(new Schema(fields), allocator);
        try {
            out.allocateNew();
            int count = 0;
            while (count < maxRows && !heads.isEmpty()) {
                int run = heads.poll();
                VectorSchemaRoot source = batches[run];
                for (int c = 0; c < fields.size(); c++) {
                    out.getVector(c).copyFromSafe(rows[run], count, source.getVector(c));
                }
                count++;
                if (++rows[run] < source.getRowCount() || load(run)) {
                    heads.add(run);
                }
            }
            out.setRowCount(count);
            return out;
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
    }

    @Override
    public void close() {
        for (int run = 0; run < readers.length; run++) {
            if (batches[run] != null) {
                batches[run].close();
                batches[run] = null;
            }
            if (readers[run] != null) {
                readers[run].close();
                readers[run] = null;
            }
        }
    }
}
