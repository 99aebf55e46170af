package io.strata.common.type;

/** The SQL types Strata stores and computes with. */
public enum TypeKind {
    NULL,
    BOOLEAN,
    TINYINT,
    SMALLINT,
    INT,
    BIGINT,
    DECIMAL,
    FLOAT,
    DOUBLE,
    VARCHAR,
    CHAR,
    TEXT,
    VARBINARY,
    BLOB,
    DATE,
    TIME,
    DATETIME,
    TIMESTAMP,
    JSON,
    VECF32,
    VECF64;

    public boolean isInteger() {
        return this == TINYINT || this == SMALLINT || this == INT || this == BIGINT || this == BOOLEAN;
    }

    public boolean isNumeric() {
        return isInteger() || this == DECIMAL || this == FLOAT || this == DOUBLE;
    }

    public boolean isString() {
        return this == VARCHAR || this == CHAR || this == TEXT || this == JSON;
    }

    public boolean isTemporal() {
        return this == DATE || this == TIME || this == DATETIME || this == TIMESTAMP;
    }
}
