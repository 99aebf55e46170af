package io.strata.compute.expression;

/** Whether any of several argument columns is NULL at a row (most functions are NULL then). */
final class NullArguments {
    private NullArguments() {}

    static boolean any(Column[] columns, int row) {
        for (Column column : columns) {
            if (column.isNull(row)) {
                return true;
            }
        }
        return false;
    }
}
