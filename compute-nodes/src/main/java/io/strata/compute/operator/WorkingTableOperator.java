package io.strata.compute.operator;

import io.strata.compute.plan.OutputColumn;
import io.strata.compute.plan.PhysicalNode;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.List;

/** Returns the previous iteration's rows of the enclosing recursive CTE once (the union owns and closes them). */
final class WorkingTableOperator implements Operator {
    private final PhysicalNode.WorkingTable plan;
    private boolean done;

    WorkingTableOperator(PhysicalNode.WorkingTable plan) {
        this.plan = plan;
    }

    @Override
    public List<OutputColumn> output() {
        return plan.output();
    }

    @Override
    public VectorSchemaRoot next() {
        if (done) {
            return null;
        }
        done = true;
        VectorSchemaRoot rows = plan.working().rows();
        return rows == null || rows.getRowCount() == 0 ? null : rows;
    }

    @Override
    public void close() {
        done = true;
    }
}
