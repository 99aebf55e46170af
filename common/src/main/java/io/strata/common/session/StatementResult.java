package io.strata.common.session;

import java.util.List;
import java.util.Objects;

/** The outcome of one statement: rows, or an OK with counts. */
public sealed interface StatementResult extends AutoCloseable {

    /** A result set; rows are pulled from {@code rows} and must be closed. */
    record Rows(List<ResultColumn> columns, RowCursor rows) implements StatementResult {
        public Rows {
            columns = List.copyOf(columns);
            Objects.requireNonNull(rows, "rows");
        }

        @Override
        public void close() {
            rows.close();
        }
    }

    /** An OK packet's content. {@code info} is the human-readable message (may be empty). */
    record Ok(long affectedRows, long lastInsertId, int warnings, String info) implements StatementResult {
        public static Ok of(long affectedRows) {
            return new Ok(affectedRows, 0, 0, "");
        }

        @Override
        public void close() {}
    }

    @Override
    void close();
}
