package io.strata.sql.plan;

import io.strata.sql.parser.SqlDeepCopy;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * WITH RECURSIVE as MySQL types it: the seed (the first SELECT) fixes each column's type, and the rows of
 * the recursive part are stored into those columns as into a table's, in strict mode: a string longer than
 * the seed's is error 1406 "Data too long for column", a number out of the column's range 1264 (MySQL's
 * manual shows {@code SELECT 1, 'a' ... CONCAT(s, 'a')} failing so). Calcite instead widens the columns to
 * what both parts need, and fails to convert a recursive part whose type differs (an INT plus an INT is a
 * BIGINT to Strata). Before validation each item of the recursive SELECT is wrapped in a {@link StoreAs} of
 * the seed's column, whose type comes from validating a copy of the seed.
 */
final class RecursiveColumnTypes {
    private RecursiveColumnTypes() {}

    /**
     * Rewrites the recursive WITH items under {@code query} in place.
     *
     * @param rowTypeOf validates a query (a copy: validation changes it) and gives its row type
     */
    static void fromSeeds(SqlNode query, Function<SqlNode, RelDataType> rowTypeOf) {
        query.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call instanceof SqlWith with) {
                    rewrite(with, rowTypeOf);
                }
                return super.visit(call);
            }
        });
    }

    private static void rewrite(SqlWith with, Function<SqlNode, RelDataType> rowTypeOf) {
        List<SqlNode> items = with.withList.getList();
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof SqlWithItem item) || item.recursive == null || !item.recursive.booleanValue()
                    || item.query.getKind() != SqlKind.UNION || !(item.query instanceof SqlCall union)
                    || union.operandCount() != 2 || !(union.operand(1) instanceof SqlSelect recursive)
                    || recursive.getSelectList().stream().anyMatch(RecursiveColumnTypes::isStar)) {
                continue;
            }
            SqlNodeList earlier = new SqlNodeList(with.withList.getParserPosition());
            items.subList(0, i).forEach(earlierItem -> earlier.add(SqlDeepCopy.of(earlierItem)));
            SqlNode seed = SqlDeepCopy.of(union.operand(0));
            RelDataType seedType = rowTypeOf.apply(earlier.isEmpty() ? seed : new SqlWith(with.getParserPosition(), earlier, seed));
            SqlNodeList selectList = recursive.getSelectList();
            if (seedType.getFieldCount() != selectList.size()) {
                continue; // the validation that follows reports the mismatch
            }
            List<SqlNode> stored = new ArrayList<>(selectList.size());
            for (int c = 0; c < selectList.size(); c++) {
                String name = item.columnList != null && c < item.columnList.size()
                        ? ((SqlIdentifier) item.columnList.get(c)).getSimple() : seedType.getFieldNames().get(c);
                stored.add(store(selectList.get(c), new StoreAs(name, seedType.getFieldList().get(c).getType())));
            }
            recursive.setSelectList(new SqlNodeList(stored, selectList.getParserPosition()));
        }
    }

    private static boolean isStar(SqlNode node) {
        return node instanceof SqlIdentifier identifier && identifier.isStar();
    }

    /** {@code item} stored by {@code store}, keeping an alias outside. */
    private static SqlNode store(SqlNode item, StoreAs store) {
        if (item.getKind() == SqlKind.AS && item instanceof SqlCall as) {
            SqlNode value = as.operand(0);
            as.setOperand(0, store.createCall(value.getParserPosition(), value));
            return as;
        }
        return store.createCall(item.getParserPosition(), item);
    }

    /**
     * A value stored into the recursive CTE's column {@code column}: of the seed's type, converted as a
     * table column converts it in strict mode (compute-nodes' STORE). Each instance is one column; its name
     * says which, so that two never look alike to Calcite.
     */
    static final class StoreAs extends SqlFunction {
        private final String column;
        private final RelDataType type;

        StoreAs(String column, RelDataType type) {
            super("STORE INTO " + column + " " + type.getFullTypeString(), SqlKind.OTHER_FUNCTION, StoreAs::returnType,
                    null, OperandTypes.ANY, SqlFunctionCategory.SYSTEM);
            this.column = column;
            this.type = type;
        }

        String column() {
            return column;
        }

        private static RelDataType returnType(SqlOperatorBinding binding) {
            StoreAs store = (StoreAs) binding.getOperator();
            return binding.getTypeFactory().createTypeWithNullability(store.type, binding.getOperandType(0).isNullable());
        }

        /** Typed here: Calcite would look the function up by name in the operator table, which has none of these. */
        @Override
        public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
            validator.deriveType(scope, call.operand(0));
            return validateOperands(validator, scope, call);
        }
    }
}
