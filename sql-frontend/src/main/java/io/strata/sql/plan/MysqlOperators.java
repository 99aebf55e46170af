package io.strata.sql.plan;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/** Operators whose MySQL semantics differ from Calcite's standard ones. */
public final class MysqlOperators {
    /** MySQL's {@code /}: exact operands give a DECIMAL with 4 more digits of scale (never integer division); NULL on zero. */
    public static final SqlBinaryOperator DIVIDE = new SqlBinaryOperator("/", SqlKind.OTHER, 60, true,
            MysqlOperators::divideType, InferTypes.FIRST_KNOWN, OperandTypes.NUMERIC_NUMERIC);

    private MysqlOperators() {}

    private static RelDataType divideType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        RelDataType left = binding.getOperandType(0);
        RelDataType right = binding.getOperandType(1);
        RelDataType result;
        if (SqlTypeUtil.isExactNumeric(left) && SqlTypeUtil.isExactNumeric(right)) {
            int scale = Math.min(Math.max(left.getScale(), 0) + StrataTypeSystem.DIVISION_SCALE_INCREMENT,
                    StrataTypeSystem.MAX_SCALE);
            int precision = Math.min(StrataTypeSystem.MAX_PRECISION,
                    Math.max(left.getPrecision() - Math.max(left.getScale(), 0), 1) + Math.max(right.getScale(), 0) + scale);
            result = factory.createSqlType(SqlTypeName.DECIMAL, Math.max(precision, scale + 1), scale);
        } else {
            result = factory.createSqlType(SqlTypeName.DOUBLE);
        }
        // x / 0 is NULL in MySQL, so the result is nullable whatever the operands are.
        return factory.createTypeWithNullability(result, true);
    }
}
