package io.strata.compute.plan;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The rows a recursive CTE's previous iteration produced: set by its {@link PhysicalNode.RecursiveUnion},
 * read by the {@link PhysicalNode.WorkingTable} inside the recursive part. One per execution: plans holding
 * one are translated for each execution, never kept.
 */
public final class WorkingRows {
    private VectorSchemaRoot rows;

    /** The previous iteration's rows (owned by the recursive union), or null. */
    public VectorSchemaRoot rows() {
        return rows;
    }

    public void set(VectorSchemaRoot rows) {
        this.rows = rows;
    }
}
