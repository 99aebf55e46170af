package io.strata.compute.operator;

import io.strata.compute.plan.PhysicalNode;

/** Turns a physical plan into a tree of running operators. */
public final class OperatorFactory {
    private OperatorFactory() {}

    public static Operator create(PhysicalNode plan, ExecutionContext context) {
        throw new UnsupportedOperationException("compute-nodes: operators not built yet");
    }
}
