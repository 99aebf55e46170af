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
    /** MySQL's fractional seconds: DATETIME(6), TIME(6), STR_TO_DATE with %f. */
    static final int MAX_FRACTIONAL_SECOND_DIGITS = 6;

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
        if (typeName == SqlTypeName.TIMESTAMP || typeName == SqlTypeName.TIME) {
            return MAX_FRACTIONAL_SECOND_DIGITS; // Calcite's default is 3 (milliseconds)
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

    /**
     * MySQL computes + and - of integers in BIGINT (MySQL 8.0 manual, 14.6.1 "Arithmetic Operators"), so that
     * {@code int_col + 1} does not overflow at INT's range. Calcite asks the type system for + and - of exact
     * types (ReturnTypes.DECIMAL_SUM) before it falls back to the operands' common type.
     */
    @Override
    public RelDataType deriveDecimalPlusType(RelDataTypeFactory typeFactory, RelDataType type1, RelDataType type2) {
        if (bothIntegers(type1, type2)) {
            return typeFactory.createSqlType(SqlTypeName.BIGINT);
        }
        return super.deriveDecimalPlusType(typeFactory, type1, type2);
    }

    /** MySQL's * of integers is BIGINT, as + and - are. */
    @Override
    public RelDataType deriveDecimalMultiplyType(RelDataTypeFactory typeFactory, RelDataType type1, RelDataType type2) {
        if (bothIntegers(type1, type2)) {
            return typeFactory.createSqlType(SqlTypeName.BIGINT);
        }
        return super.deriveDecimalMultiplyType(typeFactory, type1, type2);
    }

    private static boolean bothIntegers(RelDataType type1, RelDataType type2) {
        return SqlTypeName.INT_TYPES.contains(type1.getSqlTypeName()) && SqlTypeName.INT_TYPES.contains(type2.getSqlTypeName());
    }

    @Override
    public boolean shouldConvertRaggedUnionTypesToVarying() {
        return true;
    }

    private static RelDataType nullableAs(RelDataTypeFactory typeFactory, RelDataType type, RelDataType like) {
        return typeFactory.createTypeWithNullability(type, like.isNullable());
    }
}
