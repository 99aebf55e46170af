package io.strata.sql.plan;

import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWindow;
import org.apache.calcite.sql.util.SqlShuttle;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Inlines a named window that an OVER clause refines with a frame ({@code OVER (w ROWS BETWEEN 1 PRECEDING
 * AND CURRENT ROW)}): the window's PARTITION BY and ORDER BY (the refinement's ORDER BY when the window
 * has none) with the refinement's frame. Calcite's validator would keep the named window's default frame
 * and silently drop the refinement's. Runs on the parsed query, before validation.
 */
final class NamedWindowFrames {
    private NamedWindowFrames() {}

    static SqlNode inline(SqlNode query) {
        SqlNode result = query.accept(new SqlShuttle() {
            private final java.util.ArrayDeque<Map<String, SqlWindow>> scopes = new java.util.ArrayDeque<>();

            @Override
            public SqlNode visit(SqlCall call) {
                if (call instanceof SqlSelect select) {
                    Map<String, SqlWindow> named = new HashMap<>();
                    for (SqlNode node : select.getWindowList()) {
                        if (node instanceof SqlWindow window && window.getDeclName() != null) {
                            named.put(window.getDeclName().getSimple().toLowerCase(Locale.ROOT), window);
                        }
                    }
                    scopes.push(named);
                    try {
                        return super.visit(call);
                    } finally {
                        scopes.pop();
                    }
                }
                if (call.getKind() == SqlKind.OVER && call.operand(1) instanceof SqlWindow window
                        && window.getRefName() != null && window.getLowerBound() != null && !scopes.isEmpty()) {
                    SqlWindow base = resolve(window.getRefName(), scopes.peek(), 0);
                    if (base != null) {
                        SqlNode function = call.operand(0).accept(this);
                        SqlNodeList order = base.getOrderList().isEmpty() ? window.getOrderList() : base.getOrderList();
                        SqlWindow inline = SqlWindow.create(null, null, base.getPartitionList(), order,
                                window.isRows() ? org.apache.calcite.sql.SqlLiteral.createBoolean(true, window.getParserPosition())
                                        : org.apache.calcite.sql.SqlLiteral.createBoolean(false, window.getParserPosition()),
                                window.getLowerBound(), window.getUpperBound(),
                                org.apache.calcite.sql.SqlLiteral.createBoolean(window.isAllowPartial(), window.getParserPosition()),
                                window.getParserPosition());
                        return new SqlBasicCall(call.getOperator(), new SqlNode[] {function, inline}, call.getParserPosition());
                    }
                }
                return super.visit(call);
            }
        });
        return result == null ? query : result;
    }

    /** The named window {@code name} with the windows it refines merged in (PARTITION BY and ORDER BY), or null. */
    private static SqlWindow resolve(SqlIdentifier name, Map<String, SqlWindow> named, int depth) {
        SqlWindow window = named.get(name.getSimple().toLowerCase(Locale.ROOT));
        if (window == null || depth > named.size()) {
            return null; // the validator reports an unknown window (3579) or a cycle
        }
        if (window.getRefName() == null) {
            return window;
        }
        SqlWindow base = resolve(window.getRefName(), named, depth + 1);
        if (base == null) {
            return null;
        }
        SqlNodeList partition = base.getPartitionList().isEmpty() ? window.getPartitionList() : base.getPartitionList();
        SqlNodeList order = base.getOrderList().isEmpty() ? window.getOrderList() : base.getOrderList();
        return SqlWindow.create(null, null, partition, order, org.apache.calcite.sql.SqlLiteral.createBoolean(false,
                window.getParserPosition()), null, null, org.apache.calcite.sql.SqlLiteral.createBoolean(true,
                window.getParserPosition()), window.getParserPosition());
    }
}
