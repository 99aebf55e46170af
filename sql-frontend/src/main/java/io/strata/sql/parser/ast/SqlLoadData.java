package io.strata.sql.parser.ast;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;
import java.util.Objects;

/**
 * {@code LOAD DATA [LOW_PRIORITY | CONCURRENT] [LOCAL] INFILE 'file' [REPLACE | IGNORE] INTO TABLE t
 * [CHARACTER SET cs] [{FIELDS | COLUMNS} ...] [LINES ...] [IGNORE n {LINES | ROWS}] [(col | @var, ...)]
 * [SET col = expr, ...]} (MySQL 8.0 manual, 15.2.9). The FIELDS and LINES strings are as written after
 * the literal's escapes were applied; null where the clause is absent (MySQL's default applies).
 */
public final class SqlLoadData extends StrataStatementNode {
    /** What a row whose key is already taken does: fail the statement, be skipped, or replace the holder. */
    public enum Duplicates { ERROR, IGNORE, REPLACE }

    /** One entry of the column list: a column name, or a user variable ({@code @name}, lower case, without '@'). */
    public record Target(String name, boolean variable) {
        public Target {
            Objects.requireNonNull(name, "name");
        }
    }

    /** {@code SET column = expression}; {@code expression} null means DEFAULT. */
    public record Assignment(String column, SqlNode expression) {
        public Assignment {
            Objects.requireNonNull(column, "column");
        }
    }

    /** The FIELDS and LINES clauses as written; null members take MySQL's defaults. */
    public record Format(String fieldsTerminatedBy, String enclosedBy, boolean optionallyEnclosed, String escapedBy,
                         String linesStartingBy, String linesTerminatedBy) {}

    private final boolean local;
    private final String fileName;
    private final Duplicates duplicates;
    private final SqlIdentifier table;
    private final String characterSet;
    private final Format format;
    private final long ignoreLines;
    private final List<Target> targets;
    private final List<Assignment> assignments;

    public SqlLoadData(SqlParserPos pos, boolean local, String fileName, Duplicates duplicates, SqlIdentifier table,
                       String characterSet, Format format, long ignoreLines, List<Target> targets,
                       List<Assignment> assignments) {
        super(pos, "LOAD DATA");
        this.local = local;
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        this.duplicates = Objects.requireNonNull(duplicates, "duplicates");
        this.table = Objects.requireNonNull(table, "table");
        this.characterSet = characterSet;
        this.format = Objects.requireNonNull(format, "format");
        this.ignoreLines = ignoreLines;
        this.targets = List.copyOf(targets);
        this.assignments = List.copyOf(assignments);
    }

    public boolean local() { return local; }

    public String fileName() { return fileName; }

    public Duplicates duplicates() { return duplicates; }

    public SqlIdentifier table() { return table; }

    /** CHARACTER SET as written, or null. */
    public String characterSet() { return characterSet; }

    public Format format() { return format; }

    /** Lines (rows) to skip at the start of the file. */
    public long ignoreLines() { return ignoreLines; }

    /** The column list; empty means all columns of the table in order. */
    public List<Target> targets() { return targets; }

    public List<Assignment> assignments() { return assignments; }
}
