package io.strata.sql.exec;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * A copy of a parse tree sharing no call or identifier with the original: validation rewrites the
 * nodes it validates (it qualifies identifiers), so a condition used by two queries needs two trees.
 * Literals and parameters are immutable and shared.
 */
final class SqlDeepCopy extends SqlShuttle {
    private static final SqlDeepCopy INSTANCE = new SqlDeepCopy();

    private SqlDeepCopy() {}

    static SqlNode of(SqlNode node) {
        return node == null ? null : node.accept(INSTANCE);
    }

    @Override
    public SqlNode visit(SqlCall call) {
        CallCopyingArgHandler handler = new CallCopyingArgHandler(call, true);
        call.getOperator().acceptCall(this, call, false, handler);
        return handler.result();
    }

    @Override
    public SqlNode visit(SqlIdentifier id) {
        return id.clone(id.getParserPosition());
    }

    @Override
    public SqlNode visit(SqlNodeList nodeList) {
        SqlNodeList copy = new SqlNodeList(nodeList.getParserPosition());
        for (SqlNode node : nodeList) {
            copy.add(node == null ? null : node.accept(this));
        }
        return copy;
    }
}
