package io.strata.compute.operator.aggregate;

import io.strata.compute.expression.Column;

/**
 * The running state of one aggregate call over many groups. {@link #add} folds a batch in: row
 * {@code i} belongs to group {@code groupIds[i]}, and a negative id means the row is skipped.
 * Groups are numbered densely from 0 and may appear in any order; {@link #result} gives one value
 * per group (NULL for a group that saw no value where SQL says so).
 */
public interface Accumulator {
    void add(Column[] arguments, int[] groupIds, int rowCount);

    /** The results of groups {@code 0..groupCount-1}, in the accumulator's natural type. */
    Column result(int groupCount);
}
