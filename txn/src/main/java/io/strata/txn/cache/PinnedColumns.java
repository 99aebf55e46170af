package io.strata.txn.cache;

import org.apache.arrow.vector.FieldVector;

import java.util.ArrayList;
import java.util.List;

/** Decoded vectors of one block held for reading; read-only, and valid until {@link #close()}. */
public final class PinnedColumns implements AutoCloseable {
    private final CachedChunk[] chunks;
    private boolean closed;

    PinnedColumns(CachedChunk[] chunks) {
        this.chunks = chunks;
    }

    public List<FieldVector> vectors() {
        if (closed) {
            throw new IllegalStateException("pinned columns are closed");
        }
        List<FieldVector> vectors = new ArrayList<>(chunks.length);
        for (CachedChunk chunk : chunks) {
            vectors.add(chunk.vector());
        }
        return vectors;
    }

    public FieldVector vector(int index) {
        if (closed) {
            throw new IllegalStateException("pinned columns are closed");
        }
        return chunks[index].vector();
    }

    /** Whether column {@code index} is a NULL-free signed integer vector in ascending order (see {@link CachedChunk#ascending}). */
    public boolean ascending(int index) {
        if (closed) {
            throw new IllegalStateException("pinned columns are closed");
        }
        return chunks[index].ascending();
    }

    public int rowCount() {
        return chunks.length == 0 ? 0 : chunks[0].vector().getValueCount();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            for (CachedChunk chunk : chunks) {
                chunk.release();
            }
        }
    }
}
