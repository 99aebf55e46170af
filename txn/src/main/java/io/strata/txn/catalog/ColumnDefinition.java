package io.strata.txn.catalog;

import io.strata.common.type.DataType;

import java.util.Objects;

/**
 * A table column. {@code defaultSql} is the DEFAULT clause's expression as SQL text (for example
 * {@code 'abc'}, {@code 0}, {@code CURRENT_TIMESTAMP}), or null when the column has no default.
 */
public record ColumnDefinition(String name, DataType type, boolean nullable, String defaultSql, boolean autoIncrement) {
    public ColumnDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
