package io.strata.compute.operator;

import io.strata.compute.plan.PhysicalNode;

/**
 * What one worker of a {@link GatherOperator} runs with: the scan it reads part {@code index} of
 * {@code count} of (compared by identity: other scans read everything) and the hash-join builds its
 * workers share.
 */
record WorkerSlot(PhysicalNode.Scan drivingScan, int index, int count, SharedBuilds builds) {
    boolean partitions(PhysicalNode.Scan scan) {
        return scan == drivingScan;
    }
}
