package io.strata.compute.operator;

import io.strata.common.type.ArrowTypes;
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
 * <p>A build side that outgrows the statement's spill threshold ({@link ExecutionContext#spillThresholdBytes};
 * its Arrow bytes plus an estimate of the hash table per row) makes it a grace hash join: both inputs are
 * written to {@link SpillPartitions} by the hash of their keys, and each pair of partitions is
 * joined by a fresh join (rows whose keys match are in the same pair; each row is in one pair, so outer,
 * semi and anti joins keep their meaning), partitioning again on the next hash bits if needed. Joins
 * without keys, and builds shared by parallel workers, stay in memory.
 */
final class HashJoinOperator implements Operator {
    private static final int CHUNK_PAIRS = 4096;
    private static final int MAX_DEPTH = 4;
    /** Rough heap bytes per build row besides its Arrow data: chain link, key objects, map entry. */
    private static final long TABLE_BYTES_PER_ROW = 64;

    private final PhysicalNode.Join plan;
    private final Operator left;
    private final Operator right;
    private final ExecutionContext context;
    private final ExpressionEvaluator evaluator;
    private final OutputBatch output = new OutputBatch();
    private final List<Field> pairFields;
    private final List<Field> outputFields;
    private final JoinKeys keys;

    private VectorSchemaRoot build;      // owned here, or by the workers' SharedBuilds
    private boolean ownsBuild;
    private JoinHashTable table;
    private JoinHashTable.Probe probeKeys;
    private boolean[] buildMatched;
    private boolean leftDone;
    private int unmatchedBuildCursor;

    private VectorSchemaRoot probe;
    private boolean hasKeys;
    private boolean[] probeMatched;
    private int probeRow;
    private int chainRow;

    private final int depth;             // 0, or how many times these rows were partitioned before
    private SpillPartitions leftParts;   // both inputs by key hash, once the build side outgrew memory
    private SpillPartitions rightParts;
    private int nextPartition;
    private HashJoinOperator partitionJoin; // joining partition nextPartition - 1

    HashJoinOperator(PhysicalNode.Join plan, Operator left, Operator right, ExecutionContext context) {
        this(plan, left, right, context, 0);
    }

    private HashJoinOperator(PhysicalNode.Join plan, Operator left, Operator right, ExecutionContext context, int depth) {
        this.depth = depth;
        this.plan = plan;
        this.left = left;
        this.right = right;
        this.context = context;
        this.evaluator = new ExpressionEvaluator(context);
        this.keys = JoinKeys.of(plan, left.output(), right.output());
        List<OutputColumn> pairColumns = new ArrayList<>(left.output());
        pairColumns.addAll(right.output());
        if (!isSemiOrAnti()) {
            pairColumns = plan.output();
        }
        this.pairFields = fields(pairColumns);
        this.outputFields = fields(plan.output());
    }

    private static List<Field> fields(List<OutputColumn> columns) {
        return columns.stream().map(c -> ArrowTypes.field(c.name(), c.type(), true)).toList();
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
        if (rightParts != null) {
            return nextFromPartitions();
        }
        if (table == null) {
            SharedBuilds shared = context.worker() == null ? null : context.worker().builds();
            if (shared == null && keys.left().length > 0 && depth < MAX_DEPTH) {
                VectorSchemaRoot rows = drainOrPartition();
                if (rightParts != null) {
                    leftParts = new SpillPartitions(context.memory(), "join", depth);
                    VectorSchemaRoot batch;
                    while ((batch = left.next()) != null) {
                        Cancellation.check(context);
                        partition(batch, keys.left(), leftParts);
                    }
                    return nextFromPartitions();
                }
                adoptBuild(rows);
                return next();
            }
            SharedBuilds.Build built = shared != null && SharedBuilds.shareable(plan.joinType())
                    ? shared.get(plan, this::buildTable) : buildTable();
            ownsBuild = shared == null || !SharedBuilds.shareable(plan.joinType());
            build = built.rows();
            table = built.table();
            buildMatched = new boolean[build == null ? 0 : build.getRowCount()];
        }
        while (true) {
            if (probe == null) {
                if (leftDone) {
                    return unmatchedBuildRows();
                }
                VectorSchemaRoot batch = left.next();
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

    /** Drains the right input and hashes it. */
    private SharedBuilds.Build buildTable() {
        return hashed(Buffering.drain(right, context));
    }

    /** Takes {@code rows} (the whole right input) as this join's own build side. */
    private void adoptBuild(VectorSchemaRoot rows) {
        SharedBuilds.Build built = hashed(rows);
        ownsBuild = true;
        build = built.rows();
        table = built.table();
        buildMatched = new boolean[build == null ? 0 : build.getRowCount()];
    }

    /**
     * The whole right input in one batch; or, once it outgrows the spill threshold, null with every right
     * row written to {@link #rightParts}.
     */
    private VectorSchemaRoot drainOrPartition() {
        long threshold = context.spillThresholdBytes();
        VectorSchemaRoot buffer = null;
        try {
            VectorSchemaRoot batch;
            while ((batch = right.next()) != null) {
                Cancellation.check(context);
                if (rightParts != null) {
                    partition(batch, keys.right(), rightParts);
                    continue;
                }
                buffer = Buffering.appended(buffer, batch, context);
                if (Buffering.bytes(buffer) + buffer.getRowCount() * TABLE_BYTES_PER_ROW > threshold) {
                    rightParts = new SpillPartitions(context.memory(), "join", depth);
                    partition(buffer, keys.right(), rightParts);
                    buffer.close();
                    buffer = null;
                }
            }
            return buffer;
        } catch (RuntimeException e) {
            if (buffer != null) {
                buffer.close();
            }
            throw e;
        }
    }

    /** Appends each row of {@code batch} to its partition of {@code parts}, by the hash of its key. */
    private void partition(VectorSchemaRoot batch, int[] keyColumns, SpillPartitions parts) {
        int rowCount = batch.getRowCount();
        if (rowCount == 0) {
            return;
        }
        Column[] keyValues = new Column[keyColumns.length];
        for (int k = 0; k < keyColumns.length; k++) {
            keyValues[k] = Column.read(batch.getVector(keyColumns[k]), rowCount);
        }
        RowKey[] rowKeys = RowKey.ofRows(keyValues, rowCount);
        int[] hashes = new int[rowCount];
        for (int i = 0; i < rowCount; i++) {
            hashes[i] = rowKeys[i].hashCode();
        }
        parts.append(batch, hashes, null, context.allocator());
    }

    /** The rows of the partitions' joins, one pair of partitions after another; null when all are done. */
    private VectorSchemaRoot nextFromPartitions() {
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
            partitionJoin = new HashJoinOperator(plan, leftPart, rightPart, context, depth + 1);
        }
    }

    private SharedBuilds.Build hashed(VectorSchemaRoot rows) {
        try {
            boolean longKeys = keys.left().length == 1 && !keys.nullSafe()[0] && JoinHashTable.canUseLongKeys(
                    left.output().get(keys.left()[0]).type(), right.output().get(keys.right()[0]).type());
            return new SharedBuilds.Build(rows, new JoinHashTable(rows, keys.right(), keys.nullSafe(), longKeys));
        } catch (RuntimeException e) {
            if (rows != null) {
                rows.close();
            }
            throw e;
        }
    }

    private void startProbe(VectorSchemaRoot batch) {
        probe = batch;
        hasKeys = keys.left().length > 0;
        if (hasKeys) {
            probeKeys = table.startProbe(batch, keys.left());
        }
        probeMatched = new boolean[batch.getRowCount()];
        probeRow = 0;
        chainRow = firstCandidate(0);
    }

    /** The first build row to pair with probe row {@code row}. */
    private int firstCandidate(int row) {
        if (row >= probe.getRowCount() || build == null) {
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
        int probeCount = probe.getRowCount();
        if (probeRow < probeCount) {
            int[] leftRows = new int[CHUNK_PAIRS];
            int[] rightRows = new int[CHUNK_PAIRS];
            int count = 0;
            boolean existenceOnly = isSemiOrAnti() && keys.residual() == null;
            while (count < CHUNK_PAIRS && probeRow < probeCount) {
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
        VectorSchemaRoot tail = probeTail();
        probe = null; // the left batch stays valid until the next left.next(), so the tail could read it
        return tail;
    }

    /** Keeps the pairs whose residual is TRUE, records matches, and returns the pairs to emit (or null). */
    private VectorSchemaRoot matchedPairs(int[] leftRows, int[] rightRows, int count) {
        VectorSchemaRoot pairs = pairBatch(leftRows, rightRows, count);
        int passing = count;
        int[] selected = null;
        if (keys.residual() != null) {
            try {
                ExpressionEvaluator.Selection selection = evaluator.selectTrue(keys.residual(), pairs);
                selected = selection.rows();
                passing = selection.count();
            } catch (RuntimeException e) {
                pairs.close();
                throw e;
            }
        }
        for (int i = 0; i < passing; i++) {
            int pair = selected == null ? i : selected[i];
            probeMatched[leftRows[pair]] = true;
            buildMatched[rightRows[pair]] = true;
        }
        if (isSemiOrAnti() || passing == 0) {
            pairs.close();
            return null;
        }
        if (passing == count) {
            return pairs;
        }
        try (pairs) {
            return RowCopier.select(pairs, selected, passing, context.allocator());
        }
    }

    private VectorSchemaRoot pairBatch(int[] leftRows, int[] rightRows, int count) {
        List<FieldVector> sources = new ArrayList<>(probe.getFieldVectors());
        List<int[]> rows = new ArrayList<>();
        int leftWidth = probe.getFieldVectors().size();
        for (int c = 0; c < leftWidth; c++) {
            rows.add(leftRows);
        }
        for (FieldVector vector : build.getFieldVectors()) {
            sources.add(vector);
            rows.add(rightRows);
        }
        return gather(pairFields, sources, rows, count);
    }

    private VectorSchemaRoot gather(List<Field> fields, List<FieldVector> sources, List<int[]> rows, int count) {
        List<FieldVector> out = new ArrayList<>(fields.size());
        try {
            for (int c = 0; c < fields.size(); c++) {
                FieldVector target = fields.get(c).createVector(context.allocator());
                out.add(target);
                RowCopier.copyRows(sources.get(c), rows.get(c), count, target);
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
        for (int c = 0; c < sources.size(); c++) {
            rowLists.add(rows);
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
        if (build != null && ownsBuild) {
            build.close();
        }
        build = null;
        if (partitionJoin != null) {
            partitionJoin.close();
            partitionJoin = null;
        }
        if (leftParts != null) {
            leftParts.close();
            leftParts = null;
        }
        if (rightParts != null) {
            rightParts.close();
            rightParts = null;
        }
        left.close();
        right.close();
    }
}
