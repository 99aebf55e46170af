package io.strata.sql.parser.ast;

/** Where a variable lives: a session's system variables, the server's, or the session's user variables. */
public enum VariableScope { SESSION, GLOBAL, USER }
