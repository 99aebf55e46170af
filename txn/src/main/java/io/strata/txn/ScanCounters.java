package io.strata.txn;

import io.strata.txn.mvcc.TableScan;

import java.util.concurrent.atomic.LongAdder;

/** What snapshot scans read and skipped since the node started (for SHOW STATUS and pruning tests). */
final class ScanCounters {
    private final LongAdder blocksRead = new LongAdder();
    private final LongAdder blocksPruned = new LongAdder();
    private final LongAdder segmentsPruned = new LongAdder();

    void add(TableScan scan) {
        blocksRead.add(scan.blocksRead());
        blocksPruned.add(scan.prunedBlocks());
        segmentsPruned.add(scan.prunedSegments());
    }

    long blocksRead() {
        return blocksRead.sum();
    }

    long blocksPruned() {
        return blocksPruned.sum();
    }

    long segmentsPruned() {
        return segmentsPruned.sum();
    }
}
