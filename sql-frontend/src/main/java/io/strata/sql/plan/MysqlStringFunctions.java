package io.strata.sql.plan;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql.type.SqlTypeUtil;

import java.util.List;

/**
 * MySQL's regular expression, string and number functions Calcite lacks or types differently. Operands
 * are checked loosely (MySQL converts numbers to strings and back); the compute layer converts them.
 */
public final class MysqlStringFunctions {
    private static final SqlReturnTypeInference VARCHAR = ReturnTypes.explicit(SqlTypeName.VARCHAR)
            .andThen(SqlTypeTransforms.FORCE_NULLABLE);
    private static final SqlOperandTypeChecker THREE_ANY = OperandTypes.family(
            org.apache.calcite.sql.type.SqlTypeFamily.ANY, org.apache.calcite.sql.type.SqlTypeFamily.ANY,
            org.apache.calcite.sql.type.SqlTypeFamily.ANY);
    private static final SqlReturnTypeInference BIGINT = ReturnTypes.BIGINT_FORCE_NULLABLE;

    public static final List<SqlFunction> FUNCTIONS = List.of(
            function("REGEXP_LIKE", BIGINT, between(2, 3)),
            function("REGEXP_INSTR", BIGINT, between(2, 6)),
            function("REGEXP_SUBSTR", VARCHAR, between(2, 5)),
            function("REGEXP_REPLACE", VARCHAR, between(3, 6)),
            function("SUBSTRING_INDEX", VARCHAR, THREE_ANY),
            function("REPEAT", VARCHAR, OperandTypes.ANY_ANY),
            function("SPACE", VARCHAR, OperandTypes.ANY),
            function("LTRIM", VARCHAR, OperandTypes.ANY),
            function("RTRIM", VARCHAR, OperandTypes.ANY),
            function("ASCII", BIGINT, OperandTypes.ANY),
            function("HEX", VARCHAR, OperandTypes.ANY),
            function("UNHEX", ReturnTypes.explicit(SqlTypeName.VARBINARY).andThen(SqlTypeTransforms.FORCE_NULLABLE),
                    OperandTypes.ANY),
            function("FORMAT", VARCHAR, OperandTypes.ANY_ANY),
            function("INSTR", BIGINT, OperandTypes.ANY_ANY),
            function("TRUNCATE", MysqlStringFunctions::truncateType, OperandTypes.ANY_ANY));

    /** {@code s REGEXP p} (and RLIKE): 1 when p matches somewhere in s; the precedence of LIKE. */
    public static final SqlBinaryOperator REGEXP = new SqlBinaryOperator("REGEXP", SqlKind.OTHER, 32, true,
            ReturnTypes.BOOLEAN_NULLABLE, InferTypes.VARCHAR_1024, OperandTypes.ANY_ANY);
    public static final SqlBinaryOperator NOT_REGEXP = new SqlBinaryOperator("NOT REGEXP", SqlKind.OTHER, 32, true,
            ReturnTypes.BOOLEAN_NULLABLE, InferTypes.VARCHAR_1024, OperandTypes.ANY_ANY);

    private MysqlStringFunctions() {}

    private static SqlFunction function(String name, SqlReturnTypeInference returnType, SqlOperandTypeChecker operands) {
        // a parameter's type is unknown until bound: read it as a string, as MySQL converts its values
        return new SqlFunction(name, SqlKind.OTHER_FUNCTION, returnType, InferTypes.VARCHAR_1024, operands,
                SqlFunctionCategory.STRING);
    }

    /** From {@code min} to {@code max} operands of any type (a family checker: parameters get a type). */
    static SqlOperandTypeChecker between(int min, int max) {
        return OperandTypes.family(java.util.Collections.nCopies(max, org.apache.calcite.sql.type.SqlTypeFamily.ANY),
                index -> index >= min);
    }

    /**
     * TRUNCATE(x, d): an integer stays a BIGINT, a DOUBLE a DOUBLE; a DECIMAL keeps min(d, its scale) digits
     * when d is a constant (MySQL's decimals), else its own scale. Strings are read as DOUBLE.
     */
    private static RelDataType truncateType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        RelDataType value = binding.getOperandType(0);
        RelDataType result;
        if (SqlTypeUtil.isIntType(value)) {
            result = factory.createSqlType(SqlTypeName.BIGINT);
        } else if (value.getSqlTypeName() == SqlTypeName.DECIMAL) {
            int scale = value.getScale();
            if (binding.isOperandLiteral(1, false) && SqlTypeUtil.isIntType(binding.getOperandType(1))) {
                Integer digits = binding.getOperandLiteralValue(1, Integer.class);
                scale = digits == null ? scale : Math.max(0, Math.min(scale, digits));
            }
            result = factory.createSqlType(SqlTypeName.DECIMAL, value.getPrecision(), scale);
        } else {
            result = factory.createSqlType(SqlTypeName.DOUBLE);
        }
        return factory.createTypeWithNullability(result, true);
    }
}
