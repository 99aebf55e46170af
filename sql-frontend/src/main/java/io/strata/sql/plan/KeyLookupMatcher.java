package io.strata.sql.plan;

import io.strata.common.type.TypeKind;
import io.strata.compute.plan.PhysicalNode;
import io.strata.txn.catalog.TableDefinition;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

import java.util.List;

/**
 * Recognizes a filter that pins every primary key column of the scan below it to a constant
 * ({@code id = ?}, {@code a = 1 AND b = 'x' AND ...}), so that the scan can become a key lookup.
 * Numeric, temporal and text keys qualify (the key index compares text under the same collation as
 * the filter: {@code k = 'ABC'} finds the row 'abc'); binary and JSON keys are left to the scan.
 */
final class KeyLookupMatcher {
    private KeyLookupMatcher() {}

    /** The constant each key column is compared with, in key order, or null when the filter does not pin the key. */
    static RexNode[] match(PhysicalNode.Scan scan, RexNode condition) {
        TableDefinition table = scan.table().definition();
        List<Integer> primaryKey = table.primaryKey();
        if (primaryKey.isEmpty()) {
            return null;
        }
        for (int column : primaryKey) {
            TypeKind kind = table.columns().get(column).type().kind();
            boolean text = kind == TypeKind.VARCHAR || kind == TypeKind.CHAR || kind == TypeKind.TEXT;
            if (!kind.isNumeric() && !kind.isTemporal() && !text) {
                return null;
            }
        }
        RexNode[] key = new RexNode[primaryKey.size()];
        for (RexNode conjunct : RelOptUtil.conjunctions(condition)) {
            if (!(conjunct instanceof RexCall call) || call.getKind() != SqlKind.EQUALS) {
                continue;
            }
            pin(scan, primaryKey, key, call.getOperands().get(0), call.getOperands().get(1));
            pin(scan, primaryKey, key, call.getOperands().get(1), call.getOperands().get(0));
        }
        for (RexNode value : key) {
            if (value == null) {
                return null;
            }
        }
        return key;
    }

    private static void pin(PhysicalNode.Scan scan, List<Integer> primaryKey, RexNode[] key, RexNode column, RexNode value) {
        RexNode bare = RexConstants.stripWideningCasts(column);
        if (!(bare instanceof RexInputRef ref) || ref.getIndex() >= scan.columns().length || !RexConstants.isConstant(value)) {
            return;
        }
        int keyPosition = primaryKey.indexOf(scan.columns()[ref.getIndex()]);
        if (keyPosition >= 0 && key[keyPosition] == null) {
            key[keyPosition] = value;
        }
    }
}
