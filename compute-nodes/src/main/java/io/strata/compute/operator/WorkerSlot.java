package io.strata.compute.operator;

import io.strata.compute.plan.PhysicalNode;

/**
 * What one worker of a {@link GatherOperator} runs with: the scan it reads part {@code index} of
 * {@code count} of (compared by identity: other scans read everything), the hash-join builds its
 * workers share, and whether the workers run one after another on one thread ({@code serial}) rather
 * than at once.
 */
record WorkerSlot(PhysicalNode.Scan drivingScan, int index, int count, SharedBuilds builds, boolean serial) {
    WorkerSlot(PhysicalNode.Scan drivingScan, int index, int count, SharedBuilds builds) {
        this(drivingScan, index, count, builds, false);
    }

    boolean partitions(PhysicalNode.Scan scan) {
        return scan == drivingScan;
    }

    /** This slot for a worker that runs alone, after the previous one. */
    WorkerSlot asSerial() {
        return new WorkerSlot(drivingScan, index, count, builds, true);
    }
}
