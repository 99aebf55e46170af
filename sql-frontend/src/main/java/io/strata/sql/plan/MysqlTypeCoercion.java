package io.strata.sql.plan;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.implicit.TypeCoercionImpl;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's implicit casts plus MySQL's reading of a string where a built-in function wants a date or
 * time (TIMESTAMPDIFF(DAY, '2024-01-01', d), EXTRACT(YEAR FROM '2024-01-01')): the string is cast, and
 * an invalid one becomes NULL when the call runs.
 */
final class MysqlTypeCoercion extends TypeCoercionImpl {
    MysqlTypeCoercion(RelDataTypeFactory typeFactory, SqlValidator validator) {
        super(typeFactory, validator);
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
