package io.strata.txn.mvcc;

import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Rows one commit inserted into one table, kept in memory until a flush writes them to an object.
 * Shared by the table and by scans: reference counted, the last {@link #release()} frees the vectors.
 */
public final class LogtailSegment {
    private final long commitTs;
    private final long[] rowIds;
    private final VectorSchemaRoot rows;
    private final AtomicInteger references = new AtomicInteger(1);
    private final SegmentZones zones;

    /** Takes ownership of {@code rows}; {@code rowIds[i]} is the id of row i. */
    public LogtailSegment(long commitTs, long[] rowIds, VectorSchemaRoot rows) {
        if (rowIds.length != rows.getRowCount()) {
            throw new IllegalArgumentException(rowIds.length + " row ids for " + rows.getRowCount() + " rows");
        }
        this.commitTs = commitTs;
        this.rowIds = rowIds;
        this.rows = rows;
        this.zones = new SegmentZones(rows);
    }

    /** Zone maps of the segment's columns, for pruning scans (computed on first use). */
    SegmentZones zones() {
        return zones;
    }

    public long commitTs() {
        return commitTs;
    }

    public long[] rowIds() {
        return rowIds;
    }

    public VectorSchemaRoot rows() {
        return rows;
    }

    public int rowCount() {
        return rowIds.length;
    }

    public void retain() {
        int before = references.getAndIncrement();
        assert before > 0 : "retained a released logtail segment";
    }

    public void release() {
        int after = references.decrementAndGet();
        if (after == 0) {
            rows.close();
        }
        assert after >= 0 : "logtail segment released too often";
    }
}
