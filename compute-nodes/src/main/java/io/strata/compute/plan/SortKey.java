package io.strata.compute.plan;

/** Sort on an input column. MySQL puts NULLs first in ascending and last in descending order. */
public record SortKey(int column, boolean descending, boolean nullsFirst) {}
