package io.strata.sql.plan;

import io.strata.common.type.TypeKind;
import io.strata.compute.plan.PhysicalNode;
import io.strata.txn.catalog.IndexDefinition;
import io.strata.txn.catalog.TableDefinition;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

import java.util.List;

/**
 * Recognizes a filter that pins every column of the scan's primary key, or else of one of its UNIQUE
 * indexes, to a constant ({@code id = ?}, {@code a = 1 AND b = 'x' AND ...}, {@code email = ?}), so that the
 * scan can become a key lookup. Numeric, temporal and text keys qualify (the key index compares text under
 * the same collation as the filter: {@code k = 'ABC'} finds the row 'abc'); binary and JSON keys are left
 * to the scan.
 */
final class KeyLookupMatcher {
    private KeyLookupMatcher() {}

    /** The key a filter pins: the UNIQUE index's name (null for the primary key) and one constant per key column. */
    record Match(String uniqueIndex, RexNode[] key) {}

    /** The primary key, or else the first UNIQUE index, that the filter pins; null when it pins neither. */
    static Match match(PhysicalNode.Scan scan, RexNode condition) {
        TableDefinition table = scan.table().definition();
        RexNode[] primary = pinned(scan, table.primaryKey(), condition);
        if (primary != null) {
            return new Match(null, primary);
        }
        for (IndexDefinition index : table.uniqueIndexes()) {
            RexNode[] key = pinned(scan, index.columns(), condition);
            if (key != null) {
                return new Match(index.name(), key);
            }
        }
        return null;
    }

    /** The constant each of {@code keyColumns} is compared with, in key order, or null when one is not pinned. */
    private static RexNode[] pinned(PhysicalNode.Scan scan, List<Integer> keyColumns, RexNode condition) {
        TableDefinition table = scan.table().definition();
        if (keyColumns.isEmpty()) {
            return null;
        }
        for (int column : keyColumns) {
            TypeKind kind = table.columns().get(column).type().kind();
            boolean text = kind == TypeKind.VARCHAR || kind == TypeKind.CHAR || kind == TypeKind.TEXT;
            if (!kind.isNumeric() && !kind.isTemporal() && !text) {
                return null;
            }
        }
        RexNode[] key = new RexNode[keyColumns.size()];
        for (RexNode conjunct : RelOptUtil.conjunctions(condition)) {
            if (!(conjunct instanceof RexCall call) || call.getKind() != SqlKind.EQUALS) {
                continue;
            }
            pin(scan, keyColumns, key, call.getOperands().get(0), call.getOperands().get(1));
            pin(scan, keyColumns, key, call.getOperands().get(1), call.getOperands().get(0));
        }
        for (RexNode value : key) {
            if (value == null) {
                return null;
            }
        }
        return key;
    }

    private static void pin(PhysicalNode.Scan scan, List<Integer> keyColumns, RexNode[] key, RexNode column, RexNode value) {
        RexNode bare = RexConstants.stripWideningCasts(column);
        if (!(bare instanceof RexInputRef ref) || ref.getIndex() >= scan.columns().length || !RexConstants.isConstant(value)) {
            return;
        }
        int keyPosition = keyColumns.indexOf(scan.columns()[ref.getIndex()]);
        if (keyPosition >= 0 && key[keyPosition] == null) {
            key[keyPosition] = value;
        }
    }
}
