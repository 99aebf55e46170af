package io.strata.compute.plan;

public enum JoinType { INNER, LEFT, RIGHT, FULL, SEMI, ANTI }
