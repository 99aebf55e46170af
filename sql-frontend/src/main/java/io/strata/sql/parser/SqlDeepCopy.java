package io.strata.sql.parser;

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
public final class SqlDeepCopy extends SqlShuttle {
    private static final SqlDeepCopy INSTANCE = new SqlDeepCopy();

    private SqlDeepCopy() {}

    public static SqlNode of(SqlNode node) {
        return node == null ? null : node.accept(INSTANCE);
    }

    /**
     * {@code parsed} if copies of it can stand for a fresh parse of its text (a copy is of the same class
     * and prints the same SQL), else null. For INSERT, UPDATE and DELETE only: Strata's own statement nodes
     * are not rebuilt by their operators.
     */
    public static SqlNode templateOrNull(SqlNode parsed) {
        if (!(parsed instanceof org.apache.calcite.sql.SqlInsert || parsed instanceof org.apache.calcite.sql.SqlUpdate
                || parsed instanceof org.apache.calcite.sql.SqlDelete)) {
            return null;
        }
        try {
            SqlNode copy = of(parsed);
            return copy.getClass() == parsed.getClass() && copy.toString().equals(parsed.toString())
                    ? parsed : null;
        } catch (RuntimeException e) {
            return null; // an operator that cannot rebuild its call: parse each time instead
        }
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
