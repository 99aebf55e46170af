package io.strata.sql.plan;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.implicit.TypeCoercionImpl;

/**
 * Calcite's implicit casts with MySQL's rule for arithmetic on strings: a string operand becomes a DOUBLE
 * ({@code '1.25' * 2} is 2.5), where Calcite, like PostgreSQL, would cast it to the other operand's type
 * (INTEGER, making it 2) and refuse two string operands.
 */
final class MysqlTypeCoercion extends TypeCoercionImpl {
    MysqlTypeCoercion(RelDataTypeFactory typeFactory, SqlValidator validator) {
        super(typeFactory, validator);
    }

    @Override
    protected boolean binaryArithmeticWithStrings(SqlCallBinding binding, RelDataType left, RelDataType right) {
        boolean leftString = SqlTypeUtil.isString(left);
        boolean rightString = SqlTypeUtil.isString(right);
        if ((!leftString || !(SqlTypeUtil.isNumeric(right) || rightString))
                && (!rightString || !SqlTypeUtil.isNumeric(left))) {
            return super.binaryArithmeticWithStrings(binding, left, right);
        }
        boolean coerced = false;
        RelDataType number = factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.DOUBLE), true);
        if (leftString) {
            coerced = coerceOperandType(binding.getScope(), binding.getCall(), 0, number);
        }
        if (rightString) {
            coerced |= coerceOperandType(binding.getScope(), binding.getCall(), 1, number);
        }
        return coerced;
    }
}
