package io.strata.compute.operator;

import io.strata.compute.plan.JoinType;
import io.strata.compute.plan.OutputColumn;
import io.strata.compute.plan.PhysicalNode;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;

import java.util.List;

/**
 * A join whose build side does not fit the memory and cannot be split by key (a join without equality
 * keys, or keys whose rows stay together however deep they are partitioned): both inputs are in spill files,
 * the build side is read back a block at a time (what the memory holds), and for each block the whole probe
 * side is read back and joined with it by an in-memory {@link HashJoinOperator}. A build row lies in one
 * block, so RIGHT and FULL joins emit a block's unmatched build rows with it; a probe row meets every block,
 * so whether it matched is kept ({@link ProbeMatches}, a bit per row) and LEFT, FULL, SEMI and ANTI joins emit
 * their probe-side rows in a last pass. Files are the caller's; closing stops the running block.
 */
final class BlockNestedLoopJoin implements AutoCloseable {
    private final PhysicalNode.Join plan;
    private final List<OutputColumn> leftOutput;
    private final List<OutputColumn> rightOutput;
    private final SpillFiles files;
    private final int leftFile;
    private final List<Field> leftFields;
    private final ExecutionContext context;
    private final SpillFiles.Reader rightReader;
    private final ProbeMatches matches; // null when no probe-side row is emitted unpaired (INNER, RIGHT)
    private HashJoinOperator current;
    private boolean blocksDone;
    private boolean lastPassDone;

    BlockNestedLoopJoin(PhysicalNode.Join plan, List<OutputColumn> leftOutput, List<Field> leftFields, int leftFile,
                        List<OutputColumn> rightOutput, List<Field> rightFields, int rightFile, SpillFiles files,
                        ExecutionContext context) {
        this.plan = plan;
        this.leftOutput = leftOutput;
        this.rightOutput = rightOutput;
        this.files = files;
        this.leftFile = leftFile;
        this.leftFields = leftFields;
        this.context = context;
        JoinType type = plan.joinType();
        this.matches = type == JoinType.INNER || type == JoinType.RIGHT ? null : new ProbeMatches(context.memory());
        this.rightReader = files.open(rightFile, rightFields, context.allocator());
    }

    /** The next batch of the join (valid until the next call), or null at the end. */
    VectorSchemaRoot next() {
        while (true) {
            if (current != null) {
                VectorSchemaRoot batch = current.next();
                if (batch != null) {
                    return batch;
                }
                current.close();
                current = null;
            }
            Cancellation.check(context);
            if (!blocksDone) {
                VectorSchemaRoot first = rightReader.next();
                if (first != null) {
                    current = HashJoinOperator.block(plan, probeSide(),
                            new BlockInput(rightOutput, first, rightReader, blockBytes()), context, matches, false);
                    continue;
                }
                blocksDone = true;
            }
            if (matches == null || lastPassDone) {
                return null;
            }
            lastPassDone = true;
            current = HashJoinOperator.block(plan, probeSide(), new EmptyInput(rightOutput), context, matches, true);
        }
    }

    /**
     * What a block may hold: half the spill threshold, since the block's join copies it into a batch that grows
     * by doubling, and pairs it with probe rows in chunks besides.
     */
    private long blockBytes() {
        return context.spillThresholdBytes() / 2;
    }

    private Operator probeSide() {
        return new SpilledRowsOperator(leftOutput, files, leftFile, leftFields, context.allocator());
    }

    @Override
    public void close() {
        if (current != null) {
            current.close();
            current = null;
        }
        rightReader.close();
        if (matches != null) {
            matches.close();
        }
    }

    /**
     * The build side's batches from the reader until they hold {@code blockBytes} (Arrow bytes and the table's
     * heap), at least one batch; the reader stays open for the next block.
     */
    private static final class BlockInput implements Operator {
        private final List<OutputColumn> output;
        private final SpillFiles.Reader reader;
        private final long blockBytes;
        private VectorSchemaRoot pending;
        private VectorSchemaRoot current;
        private long bytes;

        BlockInput(List<OutputColumn> output, VectorSchemaRoot first, SpillFiles.Reader reader, long blockBytes) {
            this.output = output;
            this.pending = first;
            this.reader = reader;
            this.blockBytes = blockBytes;
        }

        @Override
        public List<OutputColumn> output() {
            return output;
        }

        @Override
        public VectorSchemaRoot next() {
            closeCurrent();
            if (pending != null) {
                current = pending;
                pending = null;
            } else if (bytes < blockBytes) {
                current = reader.next();
            }
            if (current != null) {
                bytes += Buffering.capacity(current) + current.getRowCount() * JoinBuildSide.TABLE_BYTES_PER_ROW;
            }
            return current;
        }

        private void closeCurrent() {
            if (current != null) {
                current.close();
                current = null;
            }
        }

        @Override
        public void close() {
            closeCurrent();
            if (pending != null) {
                pending.close();
                pending = null;
            }
        }
    }

    /** Per probe row, numbered in the order the probe side is read back: whether it matched in any block. */
    static final class ProbeMatches implements AutoCloseable {
        private final QueryMemory.Reservation heap;
        private long[] words = new long[0];

        ProbeMatches(QueryMemory memory) {
            this.heap = memory.reserve("join (probe rows' matches)");
        }

        /** Marks rows {@code first + i} for every i with {@code matched[i]}. */
        void record(long first, boolean[] matched) {
            grow(first + matched.length);
            for (int i = 0; i < matched.length; i++) {
                if (matched[i]) {
                    long row = first + i;
                    words[(int) (row >>> 6)] |= 1L << row;
                }
            }
        }

        /** Sets {@code matched[i]} for every row {@code first + i} marked. */
        void fill(long first, boolean[] matched) {
            for (int i = 0; i < matched.length; i++) {
                long row = first + i;
                int word = (int) (row >>> 6);
                matched[i] = word < words.length && (words[word] & 1L << row) != 0;
            }
        }

        private void grow(long rows) {
            int needed = (int) ((rows + 63) >>> 6);
            if (needed > words.length) {
                int size = Math.max(needed, words.length * 2);
                heap.add((size - words.length) * 8L);
                words = java.util.Arrays.copyOf(words, size);
            }
        }

        @Override
        public void close() {
            heap.close();
        }
    }
}
