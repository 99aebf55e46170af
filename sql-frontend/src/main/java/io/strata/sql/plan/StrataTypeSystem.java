package io.strata.sql.plan;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/** MySQL's result types: SUM of integers and AVG are DECIMAL, DECIMAL goes up to 65 digits (38 here, Arrow's limit). */
public final class StrataTypeSystem extends RelDataTypeSystemImpl {
    public static final StrataTypeSystem INSTANCE = new StrataTypeSystem();
    static final int MAX_PRECISION = 38;
    /** MySQL's div_precision_increment: AVG and / add this many digits of scale. */
    static final int DIVISION_SCALE_INCREMENT = 4;
    static final int MAX_SCALE = 30;

    private StrataTypeSystem() {}

    @Override
    public int getMaxNumericPrecision() {
        return MAX_PRECISION;
    }

    @Override
    public int getMaxNumericScale() {
        return MAX_SCALE;
    }

    @Override
    public int getMaxPrecision(SqlTypeName typeName) {
        if (typeName == SqlTypeName.DECIMAL) {
            return MAX_PRECISION;
        }
        return super.getMaxPrecision(typeName);
    }

    @Override
    public RelDataType deriveSumType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
        if (SqlTypeUtil.isExactNumeric(argumentType)) {
            int scale = Math.max(argumentType.getScale(), 0);
            return nullableAs(typeFactory, typeFactory.createSqlType(SqlTypeName.DECIMAL, MAX_PRECISION, scale), argumentType);
        }
        return nullableAs(typeFactory, typeFactory.createSqlType(SqlTypeName.DOUBLE), argumentType);
    }

    @Override
    public RelDataType deriveAvgAggType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
        if (SqlTypeUtil.isExactNumeric(argumentType)) {
            int scale = Math.min(Math.max(argumentType.getScale(), 0) + DIVISION_SCALE_INCREMENT, MAX_SCALE);
            return nullableAs(typeFactory, typeFactory.createSqlType(SqlTypeName.DECIMAL, MAX_PRECISION, scale), argumentType);
        }
        return nullableAs(typeFactory, typeFactory.createSqlType(SqlTypeName.DOUBLE), argumentType);
    }

    @Override
    public boolean shouldConvertRaggedUnionTypesToVarying() {
        return true;
    }

    private static RelDataType nullableAs(RelDataTypeFactory typeFactory, RelDataType type, RelDataType like) {
        return typeFactory.createTypeWithNullability(type, like.isNullable());
    }
}
