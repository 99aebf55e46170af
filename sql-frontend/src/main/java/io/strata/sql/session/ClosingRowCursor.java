package io.strata.sql.session;

import io.strata.common.session.RowCursor;

/** A cursor that runs an action once, when it is closed (ends a query's own transaction). */
final class ClosingRowCursor implements RowCursor {
    private final RowCursor rows;
    private final Runnable onClose;
    private boolean closed;

    ClosingRowCursor(RowCursor rows, Runnable onClose) {
        this.rows = rows;
        this.onClose = onClose;
    }

    @Override
    public boolean hasNext() {
        return rows.hasNext();
    }

    @Override
    public Object[] next() {
        return rows.next();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            rows.close();
        } finally {
            onClose.run();
        }
    }
}
