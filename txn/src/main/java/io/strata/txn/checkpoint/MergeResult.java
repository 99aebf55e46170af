package io.strata.txn.checkpoint;

import io.strata.txn.mvcc.DataObjectRef;
import io.strata.txn.mvcc.PrimaryKey;
import io.strata.txn.mvcc.TableVersion;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a merge built for one table, not yet swapped in: the data objects it replaces and those it wrote,
 * the tombstone objects it replaces and the one it wrote (null if no tombstone was left), and the
 * deleted rows it left out (their tombstones are not in {@code tombstoneOutput}).
 */
public record MergeResult(long tableId, List<DataObjectRef> inputs, List<DataObjectRef> outputs,
                          List<String> tombstoneInputs, String tombstoneOutput, List<DroppedRow> droppedRows) {
    /**
     * A deleted row left out of the merged objects; {@code key} is null for a table without a primary
     * key; {@code uniqueKeys} holds its key in each UNIQUE index (by index name) where none is NULL.
     */
    public record DroppedRow(long rowId, PrimaryKey key, java.util.Map<String, PrimaryKey> uniqueKeys) {}

    public MergeResult {
        Objects.requireNonNull(inputs, "inputs");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        tombstoneInputs = List.copyOf(tombstoneInputs);
        droppedRows = List.copyOf(droppedRows);
    }

    /** Whether {@code version} still lists every input (so the merge can be swapped into it). */
    public boolean appliesTo(TableVersion version) {
        return version.objects().containsAll(inputs) && version.tombstoneObjects().containsAll(tombstoneInputs);
    }

    /**
     * {@code version} with the inputs replaced: the outputs take the place of the first input (row order
     * across objects carries no meaning; recovery orders rows of a key by commit ts), the merged
     * tombstone object goes first; objects and tombstone objects added since the merge began stay.
     */
    public TableVersion applyTo(TableVersion version) {
        if (!appliesTo(version)) {
            throw new IllegalStateException("merge inputs are no longer in the table's version");
        }
        Set<DataObjectRef> replaced = Set.copyOf(inputs);
        List<DataObjectRef> objects = new ArrayList<>(version.objects().size() - inputs.size() + outputs.size());
        boolean placed = false;
        for (DataObjectRef object : version.objects()) {
            if (!replaced.contains(object)) {
                objects.add(object);
            } else if (!placed) {
                objects.addAll(outputs);
                placed = true;
            }
        }
        if (!placed) {
            objects.addAll(outputs);
        }
        Set<String> replacedTombstones = Set.copyOf(tombstoneInputs);
        List<String> tombstones = new ArrayList<>();
        if (tombstoneOutput != null) {
            tombstones.add(tombstoneOutput);
        }
        version.tombstoneObjects().stream().filter(key -> !replacedTombstones.contains(key)).forEach(tombstones::add);
        return new TableVersion(objects, tombstones, version.logtail(), version.keyZones());
    }

    /** The keys of the objects the merge replaces (to delete once nothing needs them). */
    public List<String> replacedKeys() {
        List<String> keys = new ArrayList<>(inputs.size() + tombstoneInputs.size());
        inputs.forEach(object -> keys.add(object.key()));
        keys.addAll(tombstoneInputs);
        return keys;
    }

    /** The keys of the objects the merge wrote (to delete if it is abandoned). */
    public List<String> writtenKeys() {
        List<String> keys = new ArrayList<>(outputs.size() + 1);
        outputs.forEach(object -> keys.add(object.key()));
        if (tombstoneOutput != null) {
            keys.add(tombstoneOutput);
        }
        return keys;
    }
}
