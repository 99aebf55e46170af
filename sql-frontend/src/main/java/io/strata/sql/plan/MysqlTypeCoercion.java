package io.strata.sql.plan;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.implicit.TypeCoercionImpl;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's implicit casts with MySQL's rules where they differ:
 * <ul>
 *   <li>arithmetic on a string reads it as a DOUBLE ({@code '1.25' * 2} is 2.5), where Calcite, like
 *       PostgreSQL, would cast it to the other operand's type (INTEGER, making it 2) and refuse two strings;</li>
 *   <li>a string where a built-in function wants a date or time (TIMESTAMPDIFF(DAY, '2024-01-01', d),
 *       EXTRACT(YEAR FROM '2024-01-01')) is cast, and an invalid one becomes NULL when the call runs.</li>
 * </ul>
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

    @Override
    public @Nullable RelDataType implicitCast(RelDataType in, SqlTypeFamily expected) {
        if (SqlTypeUtil.isCharacter(in)) {
            SqlTypeName target = switch (expected) {
                case DATETIME, TIMESTAMP -> SqlTypeName.TIMESTAMP;
                case DATE -> SqlTypeName.DATE;
                case TIME -> SqlTypeName.TIME;
                default -> null;
            };
            if (target != null) {
                RelDataType type = target == SqlTypeName.DATE ? factory.createSqlType(target)
                        : factory.createSqlType(target, 0);
                return factory.createTypeWithNullability(type, true);
            }
        }
        return super.implicitCast(in, expected);
    }
}
