package io.strata.sql.parser.ast;

import java.util.Objects;

/** One comma-separated specification of {@code ALTER TABLE t spec, spec ...}. */
public sealed interface AlterTableSpec {
    /** {@code ADD [UNIQUE] INDEX | KEY [name] (columns)} and {@code ADD [CONSTRAINT [symbol]] UNIQUE ...}. */
    record AddIndex(IndexSpec index) implements AlterTableSpec {
        public AddIndex {
            Objects.requireNonNull(index, "index");
        }
    }

    /** {@code DROP INDEX | KEY name}. */
    record DropIndex(String name) implements AlterTableSpec {
        public DropIndex {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * {@code DISABLE KEYS} / {@code ENABLE KEYS}, which mysqldump wraps around its INSERTs: InnoDB ignores
     * them, and so does Strata.
     */
    record SwitchKeys(boolean enable) implements AlterTableSpec {}

    /** A specification Strata parses only far enough to name it in the error ({@code ADD COLUMN}, {@code RENAME}...). */
    record Unsupported(String what) implements AlterTableSpec {
        public Unsupported {
            Objects.requireNonNull(what, "what");
        }
    }
}
