package io.strata.common.session;

import io.strata.common.type.DataType;

import java.util.Objects;

/**
 * A column of a result set as the protocol describes it in a column-definition packet.
 * {@code database}, {@code table} and {@code originalTable}/{@code originalName} are empty for
 * computed columns.
 */
public record ResultColumn(
        String database,
        String table,
        String originalTable,
        String name,
        String originalName,
        DataType type,
        boolean nullable,
        boolean primaryKey,
        boolean autoIncrement) {

    public ResultColumn {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(originalTable, "originalTable");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(originalName, "originalName");
        Objects.requireNonNull(type, "type");
    }

    /** A computed column (no table) of the given name and type. */
    public static ResultColumn computed(String name, DataType type, boolean nullable) {
        return new ResultColumn("", "", "", name, name, type, nullable, false, false);
    }
}
