package io.strata.sql.parser.ast;

import io.strata.common.type.DataType;

import java.util.Objects;

/**
 * A column as CREATE TABLE declares it. {@code nullable} is null when neither NULL nor NOT NULL was
 * written; {@code defaultSql} is the DEFAULT clause as SQL text or null.
 */
public record ColumnSpec(String name, DataType type, Boolean nullable, String defaultSql, boolean autoIncrement,
                         boolean primaryKey, String comment) {
    public ColumnSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
