package io.strata.txn.catalog;

import java.util.List;
import java.util.Objects;

/**
 * A secondary index of a table: its name (unique in the table, case-insensitively), the indexes of its
 * columns in the table, in key order, and whether it is UNIQUE. A UNIQUE index lets no two live rows
 * share a key whose parts are all non-NULL (a key with a NULL part never conflicts, as in MySQL).
 */
public record IndexDefinition(String name, List<Integer> columns, boolean unique) {
    public IndexDefinition {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("index " + name + " has no columns");
        }
    }
}
