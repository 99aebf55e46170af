package io.strata.sql.session;

import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/** Counts the {@code ?} placeholders of a statement (their indexes are 0..count-1). */
final class ParameterCounter extends SqlBasicVisitor<Void> {
    private int count;

    static int count(SqlNode node) {
        ParameterCounter counter = new ParameterCounter();
        node.accept(counter);
        return counter.count;
    }

    @Override
    public Void visit(SqlDynamicParam param) {
        count = Math.max(count, param.getIndex() + 1);
        return null;
    }
}
