package io.strata.common.session;

import java.util.Iterator;
import java.util.List;

/**
 * Rows of a result set, one {@code Object[]} per row with values as described in
 * {@link io.strata.common.type.DataType}. The array may be reused by the next call to {@link #next()}.
 */
public interface RowCursor extends Iterator<Object[]>, AutoCloseable {
    @Override
    void close();

    /** A cursor over rows already in memory. */
    static RowCursor of(List<Object[]> rows) {
        Iterator<Object[]> iterator = rows.iterator();
        return new RowCursor() {
            @Override
            public boolean hasNext() { return iterator.hasNext(); }

            @Override
            public Object[] next() { return iterator.next(); }

            @Override
            public void close() {}
        };
    }
}
