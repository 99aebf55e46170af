package io.strata.sql.parser.ast;

public enum TransactionKind { BEGIN, COMMIT, ROLLBACK }
