package io.strata.compute.operator;

import io.strata.compute.expression.Column;
import io.strata.compute.expression.ExpressionEvaluator;
import io.strata.compute.plan.JoinType;
import io.strata.compute.plan.OutputColumn;
import io.strata.compute.plan.PhysicalNode;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Hash join: buffers the right input as the build side, then streams the left input through it.
 * It hashes on the plan's keys plus the left = right equalities of the residual ({@link JoinKeys}).
 * Candidate pairs (equal keys, or every pair when there are none) are produced in bounded chunks,
 * filtered by the rest of the residual, and emitted; unmatched rows are added for outer joins (left
 * rows after each probe batch, right rows at the end). SEMI and ANTI emit left rows only.
 *
 * <p>A build side that outgrows the statement's memory ({@link ExecutionContext#shouldSpill}; its Arrow
 * bytes plus an estimate of the hash table per row, {@link JoinBuildSide}) makes it a grace hash join: both
 * inputs are written to {@link SpillPartitions} by the hash of their keys, and each pair of partitions is
 * joined by a fresh join (rows whose keys match are in the same pair; each row is in one pair, so outer,
 * semi and anti joins keep their meaning), partitioning again on the next hash bits if needed. Where keys
 * cannot split the rows (a join without equality keys, or partitions as deep as they go) both inputs go to
 * files joined block by block ({@link BlockNestedLoopJoin}). Parallel workers share one build of a join
 * while it fits half the statement's memory; past that each worker joins its part on its own, as above.
 */
final class HashJoinOperator implements Operator {
    private static final int CHUNK_PAIRS = 4096;
    private static final int MIN_CHUNK_PAIRS = 64;

    private final PhysicalNode.Join plan;
    private final Operator left;
    private final Operator right;
    private final ExecutionContext context;
    private final ExpressionEvaluator evaluator;
    private final OutputBatch output = new OutputBatch();
    private final List<Field> pairFields;
    private final List<Field> outputFields;
    private final JoinKeys keys;
    /** The pair columns the residual reads (null without a residual). */
    private final boolean[] residualColumns;

    private VectorSchemaRoot build;      // the build's rows, owned by `built` (or by the workers' SharedBuilds)
    private SharedBuilds.Build built;    // set when this join owns its build
    private JoinHashTable table;
    private JoinHashTable.Probe probeKeys;
    private boolean[] buildMatched;
    private boolean leftDone;
    private int unmatchedBuildCursor;

    private VectorSchemaRoot probe;
    /** The probe batch's rows that count, from a filter below (null: all); probe row i is batch row probeRows[i]. */
    private int[] probeRows;
    private int probeCount;
    private boolean hasKeys;
    private boolean[] probeMatched;
    private int probeRow;
    private int chainRow;
    private long probeOrdinal;           // the number of left rows before the current probe batch
    private int chunkPairs;              // pairs per emitted chunk: CHUNK_PAIRS, fewer if a chunk would crowd the memory

    private final int depth;             // 0, or how many times these rows were partitioned before
    private JoinBuildSide buildSide;     // reads the right input; holds its spill files once it spilled
    private SpillPartitions leftParts;   // both inputs by key hash, once the build side outgrew memory
    private int nextPartition;
    private HashJoinOperator partitionJoin; // joining partition nextPartition - 1
    private BlockNestedLoopJoin blocks;  // or both inputs block by block

    /** In one block of a {@link BlockNestedLoopJoin}: the join stays in memory and keeps probe rows' matches. */
    private final boolean blockOfLoop;
    private final BlockNestedLoopJoin.ProbeMatches matches; // where probe rows' matches go, or null
    private final boolean replayMatches; // the last pass: probe rows matched as `matches` say, no build side

    HashJoinOperator(PhysicalNode.Join plan, Operator left, Operator right, ExecutionContext context) {
        this(plan, left, right, context, 0, false, null, false);
    }

    private HashJoinOperator(PhysicalNode.Join plan, Operator left, Operator right, ExecutionContext context, int depth,
                             boolean blockOfLoop, BlockNestedLoopJoin.ProbeMatches matches, boolean replayMatches) {
        this.depth = depth;
        this.plan = plan;
        this.left = left;
        this.right = BoundedBatches.of(right, context); // the build side looks at its memory at least this often
        this.context = context;
        this.blockOfLoop = blockOfLoop;
        this.matches = matches;
        this.replayMatches = replayMatches;
        this.evaluator = new ExpressionEvaluator(context);
        this.keys = JoinKeys.of(plan, left.output(), right.output());
        List<OutputColumn> pairColumns = new ArrayList<>(left.output());
        pairColumns.addAll(right.output());
        if (!isSemiOrAnti()) {
            pairColumns = plan.output();
        }
        this.pairFields = JoinBuildSide.fieldsOf(pairColumns);
        this.outputFields = JoinBuildSide.fieldsOf(plan.output());
        this.residualColumns = keys.residual() == null ? null : referencedColumns(keys.residual(), pairColumns.size());
    }

    /**
     * The in-memory join of {@code left} with one block of the build side ({@code right}), its probe rows'
     * matches recorded in {@code matches} instead of emitted; or with {@code replay}, the pass emitting the
     * probe rows by those matches (over an empty right input).
     */
    static HashJoinOperator block(PhysicalNode.Join plan, Operator left, Operator right, ExecutionContext context,
                                  BlockNestedLoopJoin.ProbeMatches matches, boolean replay) {
        return new HashJoinOperator(plan, left, right, context, JoinBuildSide.MAX_DEPTH, true, matches, replay);
    }

    private boolean isSemiOrAnti() {
        return plan.joinType() == JoinType.SEMI || plan.joinType() == JoinType.ANTI;
    }

    @Override
    public List<OutputColumn> output() {
        return plan.output();
    }

    @Override
    public VectorSchemaRoot next() {
        output.close();
        if (leftParts != null) {
            return nextFromPartitions();
        }
        if (blocks != null) {
            return blocks.next();
        }
        if (table == null && !build()) {
            return next();
        }
        while (true) {
            if (probe == null) {
                if (leftDone) {
                    return unmatchedBuildRows();
                }
                SelectedBatch batch = left.nextSelected();
                if (batch == null) {
                    leftDone = true;
                    continue;
                }
                startProbe(batch);
            }
            VectorSchemaRoot result = probeChunk();
            if (result != null) {
                return output.replace(result);
            }
        }
    }

    /**
     * Makes the hash table of the right input (or takes the one the parallel workers share); false when the
     * right input went to disk instead, after the left input followed it there.
     */
    private boolean build() {
        buildSide = new JoinBuildSide(right, keys, context, depth);
        SharedBuilds shared = sharedBuilds();
        if (shared != null) {
            SharedBuilds.Build sharedBuild = shared.get(plan,
                    () -> buildSide.read(context.statementLimitBytes() / 2, true) ? buildSide.hashed(longKeys()) : null);
            if (sharedBuild != null) {
                adopt(sharedBuild);
                return true;
            }
            // too large to share: this worker joins its part alone (reading the right input, unless it tried to share it)
        }
        if (buildSide.spilled() || !buildSide.read(context.spillThresholdBytes(), !blockOfLoop)) {
            spillLeft();
            return false;
        }
        built = buildSide.hashed(longKeys());
        adopt(built);
        return true;
    }

    private SharedBuilds sharedBuilds() {
        if (blockOfLoop || depth > 0 || context.worker() == null || !SharedBuilds.shareable(plan.joinType())) {
            return null;
        }
        return context.worker().builds();
    }

    private boolean longKeys() {
        return keys.left().length == 1 && !keys.nullSafe()[0] && JoinHashTable.canUseLongKeys(
                left.output().get(keys.left()[0]).type(), right.output().get(keys.right()[0]).type());
    }

    private void adopt(SharedBuilds.Build source) {
        build = source.rows();
        table = source.table();
        buildMatched = new boolean[build == null ? 0 : build.getRowCount()];
    }

    /** Writes the left input where the right one went: to partitions by key, or to a file for the block join. */
    private void spillLeft() {
        SpillPartitions rightParts = buildSide.partitions();
        if (rightParts != null) {
            rightParts.finishWriting();
            leftParts = new SpillPartitions(context, "join", depth);
            VectorSchemaRoot batch;
            while ((batch = left.next()) != null) {
                Cancellation.check(context);
                JoinBuildSide.partition(batch, keys.left(), leftParts, context);
            }
            return;
        }
        SpillFiles files = buildSide.blocks();
        files.finishWriting(buildSide.blockFile());
        int leftFile = files.create();
        List<Field> leftFields = null;
        VectorSchemaRoot batch;
        while ((batch = left.next()) != null) {
            Cancellation.check(context);
            if (leftFields == null) {
                leftFields = batch.getSchema().getFields();
            }
            files.append(leftFile, batch);
        }
        blocks = new BlockNestedLoopJoin(plan, left.output(),
                leftFields != null ? leftFields : JoinBuildSide.fieldsOf(left.output()), leftFile,
                right.output(), buildSide.fields(right.output()), buildSide.blockFile(), files, context);
    }

    /** The rows of the partitions' joins, one pair of partitions after another; null when all are done. */
    private VectorSchemaRoot nextFromPartitions() {
        SpillPartitions rightParts = buildSide.partitions();
        while (true) {
            if (partitionJoin != null) {
                VectorSchemaRoot batch = partitionJoin.next();
                if (batch != null) {
                    return batch;
                }
                partitionJoin.close();
                partitionJoin = null;
            }
            if (nextPartition >= SpillPartitions.COUNT) {
                return null;
            }
            int partition = nextPartition++;
            if (leftParts.isEmpty(partition) && rightParts.isEmpty(partition)) {
                continue;
            }
            Operator leftPart = leftParts.read(partition, left.output(), context.allocator());
            Operator rightPart;
            try {
                rightPart = rightParts.read(partition, right.output(), context.allocator());
            } catch (RuntimeException e) {
                leftPart.close();
                throw e;
            }
            partitionJoin = new HashJoinOperator(plan, leftPart, rightPart, context, depth + 1, false, null, false);
        }
    }

    private void startProbe(SelectedBatch batch) {
        probe = batch.batch();
        probeRows = batch.selection() == null ? null : batch.selection().rows();
        probeCount = batch.rowCount();
        hasKeys = keys.left().length > 0;
        if (hasKeys) {
            probeKeys = table.startProbe(probe, keys.left(), probeRows, probeCount);
        }
        probeMatched = new boolean[probeCount];
        chunkPairs = chunkPairs(probe);
        if (replayMatches) {
            matches.fill(probeOrdinal, probeMatched);
        }
        probeRow = 0;
        chainRow = firstCandidate(0);
    }

    /**
     * Pairs per chunk for probe batch {@code batch}: {@link #CHUNK_PAIRS}, or as many as take a sixteenth of
     * the memory the join plans with (a chunk's batch is allocated before the consumer takes it).
     */
    private int chunkPairs(VectorSchemaRoot batch) {
        long pairBytes = Buffering.capacity(batch) / Math.max(1, batch.getRowCount())
                + (build == null ? 0 : Buffering.capacity(build) / Math.max(1, build.getRowCount()));
        long fitting = context.memoryLimitBytes() / 16 / Math.max(1, pairBytes);
        return (int) Math.max(MIN_CHUNK_PAIRS, Math.min(CHUNK_PAIRS, fitting));
    }

    /** The first build row to pair with probe row {@code row}. */
    private int firstCandidate(int row) {
        if (row >= probeCount || build == null) {
            return JoinHashTable.END;
        }
        if (!hasKeys) {
            return build.getRowCount() > 0 ? 0 : JoinHashTable.END;
        }
        return table.first(probeKeys, row);
    }

    private int nextCandidate(int buildRow) {
        if (!hasKeys) {
            return buildRow + 1 < build.getRowCount() ? buildRow + 1 : JoinHashTable.END;
        }
        return table.next(buildRow);
    }

    /**
     * One step over the current probe batch: a chunk of candidate pairs, or once they are exhausted
     * the rows the batch adds for outer, semi and anti joins. Returns the batch to emit, or null.
     */
    private VectorSchemaRoot probeChunk() {
        Cancellation.check(context);
        if (probeRow < probeCount) {
            int[] leftRows = new int[chunkPairs];
            int[] rightRows = new int[chunkPairs];
            int count = 0;
            boolean existenceOnly = isSemiOrAnti() && keys.residual() == null;
            while (count < chunkPairs && probeRow < probeCount) {
                if (chainRow == JoinHashTable.END) {
                    probeRow++;
                    chainRow = firstCandidate(probeRow);
                    continue;
                }
                if (existenceOnly) {
                    // SEMI/ANTI without a residual: one candidate decides, no pair is built
                    probeMatched[probeRow] = true;
                    chainRow = JoinHashTable.END;
                    continue;
                }
                leftRows[count] = probeRow;
                rightRows[count] = chainRow;
                count++;
                chainRow = nextCandidate(chainRow);
            }
            return count == 0 ? null : matchedPairs(leftRows, rightRows, count);
        }
        VectorSchemaRoot tail;
        if (matches != null && !replayMatches) {
            matches.record(probeOrdinal, probeMatched); // the last pass emits this batch's rows by them
            tail = null;
        } else {
            tail = probeTail();
        }
        probeOrdinal += probeCount;
        probe = null; // the left batch stays valid until the next left.next(), so the tail could read it
        return tail;
    }

    /**
     * Keeps the pairs whose residual is TRUE, records matches, and returns the pairs to emit (or null).
     * The residual is evaluated over the columns it reads only; the others are gathered for the pairs
     * that pass, and not at all for SEMI and ANTI joins.
     */
    private VectorSchemaRoot matchedPairs(int[] leftRows, int[] rightRows, int count) {
        int passing = count;
        if (keys.residual() != null) {
            ExpressionEvaluator.Selection selection;
            try (VectorSchemaRoot pairs = pairBatch(leftRows, rightRows, count, residualColumns)) {
                selection = evaluator.selectTrue(keys.residual(), pairs);
            }
            passing = selection.count();
            for (int i = 0; i < passing; i++) {
                int pair = selection.rows()[i];
                leftRows[i] = leftRows[pair]; // compacting in place: pair >= i
                rightRows[i] = rightRows[pair];
            }
        }
        for (int i = 0; i < passing; i++) {
            probeMatched[leftRows[i]] = true;
            buildMatched[rightRows[i]] = true;
        }
        if (isSemiOrAnti() || passing == 0) {
            return null;
        }
        return pairBatch(leftRows, rightRows, passing, null);
    }

    /** The probe batch's rows of probe rows {@code rows[0..count)}. */
    private int[] batchRows(int[] rows, int count) {
        if (probeRows == null) {
            return rows;
        }
        int[] mapped = new int[count];
        for (int i = 0; i < count; i++) {
            mapped[i] = probeRows[rows[i]];
        }
        return mapped;
    }

    /** Columns of a pair that the residual reads. */
    private static boolean[] referencedColumns(io.strata.compute.expression.Expr expr, int width) {
        boolean[] used = new boolean[width];
        markReferences(expr, used);
        return used;
    }

    private static void markReferences(io.strata.compute.expression.Expr expr, boolean[] used) {
        switch (expr) {
            case io.strata.compute.expression.Expr.ColumnRef ref -> used[ref.index()] = true;
            case io.strata.compute.expression.Expr.Call call -> call.arguments().forEach(argument -> markReferences(argument, used));
            default -> { }
        }
    }

    /**
     * The pairs as a batch of the join's columns; with {@code only} not null, only the columns it marks
     * hold values (the others are left empty, for an expression that does not read them).
     */
    private VectorSchemaRoot pairBatch(int[] leftRows, int[] rightRows, int count, boolean[] only) {
        List<FieldVector> sources = new ArrayList<>(probe.getFieldVectors());
        List<int[]> rows = new ArrayList<>();
        int leftWidth = probe.getFieldVectors().size();
        int[] leftBatchRows = batchRows(leftRows, count);
        for (int c = 0; c < leftWidth; c++) {
            rows.add(leftBatchRows);
        }
        for (FieldVector vector : build.getFieldVectors()) {
            sources.add(vector);
            rows.add(rightRows);
        }
        return gather(pairFields, sources, rows, count, only);
    }

    private VectorSchemaRoot gather(List<Field> fields, List<FieldVector> sources, List<int[]> rows, int count) {
        return gather(fields, sources, rows, count, null);
    }

    private VectorSchemaRoot gather(List<Field> fields, List<FieldVector> sources, List<int[]> rows, int count,
                                    boolean[] only) {
        List<FieldVector> out = new ArrayList<>(fields.size());
        try {
            for (int c = 0; c < fields.size(); c++) {
                FieldVector target = fields.get(c).createVector(context.allocator());
                out.add(target);
                if (only == null || only[c]) {
                    RowCopier.copyRows(sources.get(c), rows.get(c), count, target);
                }
            }
        } catch (RuntimeException e) {
            out.forEach(FieldVector::close);
            throw e;
        }
        return new VectorSchemaRoot(fields, out, count);
    }

    /** LEFT/FULL: unmatched left rows padded with NULLs; SEMI: matched left rows; ANTI: unmatched ones. */
    private VectorSchemaRoot probeTail() {
        JoinType type = plan.joinType();
        if (type == JoinType.INNER || type == JoinType.RIGHT) {
            return null;
        }
        boolean wantMatched = type == JoinType.SEMI;
        int[] rows = new int[probeMatched.length];
        int count = 0;
        for (int row = 0; row < probeMatched.length; row++) {
            if (probeMatched[row] == wantMatched) {
                rows[count++] = row;
            }
        }
        if (count == 0) {
            return null;
        }
        List<FieldVector> sources = new ArrayList<>(probe.getFieldVectors());
        List<int[]> rowLists = new ArrayList<>();
        int[] batchRows = batchRows(rows, count);
        for (int c = 0; c < sources.size(); c++) {
            rowLists.add(batchRows);
        }
        if (!isSemiOrAnti()) {
            int[] none = new int[count];
            Arrays.fill(none, -1);
            for (int c = sources.size(); c < outputFields.size(); c++) {
                rowLists.add(none);
            }
            while (sources.size() < outputFields.size()) {
                sources.add(null);
            }
        }
        return gather(outputFields, sources, rowLists, count);
    }

    /** RIGHT/FULL, after the left input ends: unmatched build rows padded with NULLs, a chunk at a time. */
    private VectorSchemaRoot unmatchedBuildRows() {
        JoinType type = plan.joinType();
        if ((type != JoinType.RIGHT && type != JoinType.FULL) || build == null) {
            return null;
        }
        int buildCount = build.getRowCount();
        int[] rows = new int[Math.min(CHUNK_PAIRS, buildCount)];
        int count = 0;
        while (count < rows.length && unmatchedBuildCursor < buildCount) {
            if (!buildMatched[unmatchedBuildCursor]) {
                rows[count++] = unmatchedBuildCursor;
            }
            unmatchedBuildCursor++;
        }
        if (count == 0) {
            return null;
        }
        int leftWidth = outputFields.size() - build.getFieldVectors().size();
        int[] none = new int[count];
        Arrays.fill(none, -1);
        List<FieldVector> sources = new ArrayList<>();
        List<int[]> rowLists = new ArrayList<>();
        for (int c = 0; c < leftWidth; c++) {
            sources.add(null);
            rowLists.add(none);
        }
        for (FieldVector vector : build.getFieldVectors()) {
            sources.add(vector);
            rowLists.add(rows);
        }
        return output.replace(gather(outputFields, sources, rowLists, count));
    }

    @Override
    public void close() {
        output.close();
        if (built != null) {
            built.close();
            built = null;
        }
        build = null;
        if (partitionJoin != null) {
            partitionJoin.close();
            partitionJoin = null;
        }
        if (blocks != null) {
            blocks.close();
            blocks = null;
        }
        if (leftParts != null) {
            leftParts.close();
            leftParts = null;
        }
        if (buildSide != null) {
            buildSide.close();
            buildSide = null;
        }
        left.close();
        right.close();
    }
}
