package io.strata.sql.parser.ast;

public enum TransactionKind { BEGIN, COMMIT, ROLLBACK, SAVEPOINT, ROLLBACK_TO_SAVEPOINT, RELEASE_SAVEPOINT }
