package io.strata.sql.parser.ast;

/** What a SHOW statement lists. */
public enum ShowKind {
    DATABASES, TABLES, COLUMNS, INDEX, CREATE_TABLE, CREATE_DATABASE, VARIABLES, WARNINGS, ERRORS, STATUS,
    ENGINES, COLLATION, CHARSET, PROCESSLIST
}
