package io.strata.sql.parser.ast;

import java.util.List;
import java.util.Objects;

/**
 * A secondary index as a statement declares it: {@code UNIQUE [KEY] [name] (columns)},
 * {@code KEY [name] (columns)}, {@code CREATE INDEX} or {@code ALTER TABLE ... ADD INDEX}. {@code name}
 * is null when none was written (the executor names it after its first column, as MySQL does).
 */
public record IndexSpec(String name, List<String> columns, boolean unique) {
    public IndexSpec {
        Objects.requireNonNull(columns, "columns");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("an index needs at least one column");
        }
    }
}
