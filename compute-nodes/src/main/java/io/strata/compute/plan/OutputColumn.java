package io.strata.compute.plan;

import io.strata.common.type.DataType;

import java.util.Objects;

/** A column a plan node produces. */
public record OutputColumn(String name, DataType type, boolean nullable) {
    public OutputColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
