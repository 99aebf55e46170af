package io.strata.tests.slt;

import java.util.List;
import java.util.Objects;

/** One record of a sqllogictest file, with the line it starts on and its skipif/onlyif conditions. */
public sealed interface SltRecord {
    int line();

    List<Condition> conditions();

    /** {@code skipif ENGINE} (skip = true) or {@code onlyif ENGINE} (skip = false). */
    record Condition(boolean skip, String engine) {
        public Condition {
            Objects.requireNonNull(engine, "engine");
        }
    }

    /** {@code statement ok} or {@code statement error [CODE[/SQLSTATE]] [message fragment]}. */
    record Statement(int line, List<Condition> conditions, String sql, boolean expectError, Integer errorCode,
                     String sqlState, String messageFragment) implements SltRecord {
        public Statement {
            conditions = List.copyOf(conditions);
            Objects.requireNonNull(sql, "sql");
        }
    }

    /** {@code query TYPES [nosort|rowsort|valuesort] [LABEL]}, the SQL, {@code ----} and the expected lines. */
    record Query(int line, List<Condition> conditions, String types, SortMode sortMode, String label, String sql,
                 List<String> expectedLines) implements SltRecord {
        public Query {
            conditions = List.copyOf(conditions);
            expectedLines = List.copyOf(expectedLines);
            Objects.requireNonNull(types, "types");
            Objects.requireNonNull(sortMode, "sortMode");
            Objects.requireNonNull(sql, "sql");
        }
    }

    /** {@code hash-threshold N}: results with more than N values may be given as "N values hashing to MD5". */
    record HashThreshold(int line, List<Condition> conditions, int threshold) implements SltRecord {
        public HashThreshold {
            conditions = List.copyOf(conditions);
        }
    }

    /** {@code halt}: stop running the file here. */
    record Halt(int line, List<Condition> conditions) implements SltRecord {
        public Halt {
            conditions = List.copyOf(conditions);
        }
    }

    enum SortMode { NOSORT, ROWSORT, VALUESORT }
}
