package io.strata.sql.plan;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlWindow;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlValidatorCatalogReader;
import org.apache.calcite.sql.validate.SqlValidatorImpl;
import org.apache.calcite.sql.validate.SqlValidatorScope;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Calcite's validator, typing the parameters whose context says nothing of their type as MySQL 8.0.22+ does
 * (Calcite refuses them: "Illegal use of dynamic parameter"): a window frame's offset
 * ({@code ROWS BETWEEN ? PRECEDING ...}) is an integer, any other parameter, such as one standing alone in
 * the select list ({@code SELECT ?}), a VARCHAR, which reads whatever value is bound.
 */
final class MysqlValidator extends SqlValidatorImpl {
    /** The parameters that are frame offsets of the statement being validated. */
    private final Set<SqlNode> frameOffsets = Collections.newSetFromMap(new IdentityHashMap<>());

    MysqlValidator(SqlOperatorTable operators, SqlValidatorCatalogReader catalogReader, RelDataTypeFactory typeFactory,
                   Config config) {
        super(operators, catalogReader, typeFactory, config);
    }

    @Override
    public SqlNode validate(SqlNode topNode) {
        topNode.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call instanceof SqlWindow window) {
                    addOffset(window.getLowerBound());
                    addOffset(window.getUpperBound());
                }
                return super.visit(call);
            }
        });
        return super.validate(topNode);
    }

    private void addOffset(SqlNode bound) {
        if (bound instanceof SqlCall call && (call.getKind() == SqlKind.PRECEDING || call.getKind() == SqlKind.FOLLOWING)
                && call.operand(0) instanceof SqlDynamicParam param) {
            frameOffsets.add(param);
        }
    }

    @Override
    protected void inferUnknownTypes(RelDataType inferredType, SqlValidatorScope scope, SqlNode node) {
        if (node instanceof SqlDynamicParam && inferredType.equals(unknownType)) {
            SqlTypeName name = frameOffsets.contains(node) ? SqlTypeName.BIGINT : SqlTypeName.VARCHAR;
            RelDataTypeFactory factory = getTypeFactory();
            setValidatedNodeType(node, factory.createTypeWithNullability(factory.createSqlType(name), true));
            return;
        }
        super.inferUnknownTypes(inferredType, scope, node);
    }
}
