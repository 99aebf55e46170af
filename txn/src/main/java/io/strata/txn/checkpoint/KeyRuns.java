package io.strata.txn.checkpoint;

import io.strata.storage.format.BlockMeta;
import io.strata.storage.format.DataObjectReader;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Splits a merge's input objects into runs: sequences of blocks whose rows are in ascending key order
 * from start to end. An object whose blocks' key zones follow each other (every flush and merge writes
 * so now) is one run; an older object whose blocks overlap contributes each block as a run of its own.
 * A merge reads its runs side by side, one block of each at a time, so too many runs is refused.
 */
final class KeyRuns {
    /** A run: blocks of one object, in order. */
    record Run(DataObjectReader reader, List<Integer> blocks) {}

    private KeyRuns() {}

    /**
     * The runs of {@code objects} by the integer key {@code column}, or null when there would be more than
     * {@code maxRuns} (the merge then copies objects as they are).
     */
    static List<Run> of(List<String> objects, Function<String, DataObjectReader> readers, int column, int maxRuns) {
        List<Run> runs = new ArrayList<>();
        for (String object : objects) {
            DataObjectReader reader = readers.apply(object);
            List<BlockMeta> blocks = reader.footer().blocks();
            if (blocks.isEmpty()) {
                continue;
            }
            if (inKeyOrder(blocks, column)) {
                List<Integer> all = new ArrayList<>(blocks.size());
                for (int b = 0; b < blocks.size(); b++) {
                    all.add(b);
                }
                runs.add(new Run(reader, all));
            } else {
                for (int b = 0; b < blocks.size(); b++) {
                    runs.add(new Run(reader, List.of(b)));
                }
            }
            if (runs.size() > maxRuns) {
                return null;
            }
        }
        return runs;
    }

    /** Whether each block's smallest key is at least the previous block's largest (each block is sorted). */
    static boolean inKeyOrder(List<BlockMeta> blocks, int column) {
        for (int b = 1; b < blocks.size(); b++) {
            Object previousMax = blocks.get(b - 1).columns().get(column).max();
            Object min = blocks.get(b).columns().get(column).min();
            if (!(previousMax instanceof Long before) || !(min instanceof Long after) || before > after) {
                return false;
            }
        }
        return true;
    }
}
