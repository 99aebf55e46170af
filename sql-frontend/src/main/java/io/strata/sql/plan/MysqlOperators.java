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
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

import java.util.List;

/** Operators whose MySQL semantics differ from Calcite's standard ones. */
public final class MysqlOperators {
    /** MySQL's {@code /}: exact operands give a DECIMAL with 4 more digits of scale (never integer division); NULL on zero. */
    public static final SqlBinaryOperator DIVIDE = new SqlBinaryOperator("/", SqlKind.OTHER, 60, true,
            MysqlOperators::divideType, InferTypes.FIRST_KNOWN, OperandTypes.NUMERIC_NUMERIC);

    /** MySQL's {@code DIV}: integer division, truncating toward zero; NULL on zero. */
    public static final SqlBinaryOperator INTEGER_DIVIDE = new SqlBinaryOperator("DIV", SqlKind.OTHER, 60, true,
            binding -> binding.getTypeFactory().createTypeWithNullability(
                    binding.getTypeFactory().createSqlType(SqlTypeName.BIGINT), true),
            InferTypes.FIRST_KNOWN, OperandTypes.NUMERIC_NUMERIC);

    /** LOCATE(needle, haystack[, start]): the 1-based position of needle, 0 when absent. */
    /**
     * MySQL's LENGTH counts bytes. Calcite's library LENGTH is a CHAR_LENGTH (characters) under another
     * name and is rewritten into CHAR_LENGTH during conversion, so MySQL's gets an operator of its own.
     */
    public static final SqlFunction LENGTH = new SqlFunction("LENGTH", SqlKind.OTHER_FUNCTION,
            ReturnTypes.BIGINT_NULLABLE, null, OperandTypes.ANY, SqlFunctionCategory.NUMERIC);

    public static final SqlFunction LOCATE = new SqlFunction("LOCATE", SqlKind.OTHER_FUNCTION,
            ReturnTypes.INTEGER_NULLABLE, null,
            OperandTypes.or(OperandTypes.STRING_STRING, OperandTypes.STRING_STRING_INTEGER), SqlFunctionCategory.STRING);

    /** Vector distances and measures over VECF32/VECF64 columns (a string such as '[1,2]' is read as a vector). */
    public static final List<SqlFunction> VECTOR_FUNCTIONS = List.of(
            vectorFunction("L2_DISTANCE", ReturnTypes.DOUBLE_NULLABLE, OperandTypes.ANY_ANY),
            vectorFunction("L2_DISTANCE_SQ", ReturnTypes.DOUBLE_NULLABLE, OperandTypes.ANY_ANY),
            vectorFunction("COSINE_DISTANCE", ReturnTypes.DOUBLE_NULLABLE, OperandTypes.ANY_ANY),
            vectorFunction("COSINE_SIMILARITY", ReturnTypes.DOUBLE_NULLABLE, OperandTypes.ANY_ANY),
            vectorFunction("INNER_PRODUCT", ReturnTypes.DOUBLE_NULLABLE, OperandTypes.ANY_ANY),
            vectorFunction("L2_NORM", ReturnTypes.DOUBLE_NULLABLE, OperandTypes.ANY),
            vectorFunction("VECTOR_DIMS", ReturnTypes.BIGINT_NULLABLE, OperandTypes.ANY));

    private MysqlOperators() {}

    private static SqlFunction vectorFunction(String name, org.apache.calcite.sql.type.SqlReturnTypeInference returnType,
                                              org.apache.calcite.sql.type.SqlOperandTypeChecker operands) {
        return new SqlFunction(name, SqlKind.OTHER_FUNCTION, returnType, null, operands, SqlFunctionCategory.NUMERIC);
    }

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
