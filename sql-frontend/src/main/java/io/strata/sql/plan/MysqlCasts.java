package io.strata.sql.plan;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.List;
import java.util.Locale;

/**
 * MySQL's CAST(x AS type) and CONVERT(x, type), made into calls Calcite types as MySQL does, before
 * validation:
 * <ul>
 *   <li>CHAR and BINARY without a length are strings of any length (Calcite reads CHAR as CHAR(1)); a
 *       CHARACTER SET is dropped (Strata's strings are all utf8mb4), except binary, which makes bytes;</li>
 *   <li>CHAR(n), SIGNED and UNSIGNED become an {@link ExplicitCast}: compute-nodes converts as CAST does,
 *       with MySQL's warnings (1292 for a string cut to n characters or not wholly an integer), and Calcite
 *       does not fold the cast of a literal itself (it cut 7.6 to 7 where MySQL rounds to 8);</li>
 *   <li>CONVERT(x, type), which the parser writes as {@code CONV_AS(x, kind[, n[, d]])}
 *       ({@code parser/ConvertTypes}), becomes the CAST it is.</li>
 * </ul>
 */
public final class MysqlCasts {
    /** As long as the word CONVERT, which the parser puts this name in place of. */
    public static final String CONVERT_FUNCTION_NAME = "CONV_AS";

    /** MySQL's CAST types; CONVERT's rewrite names them by ordinal. */
    public enum Kind { CHAR, BINARY, SIGNED, UNSIGNED, DATE, DATETIME, TIME, DECIMAL, DOUBLE, FLOAT, REAL, JSON }

    private MysqlCasts() {}

    /** CAST(x AS type) as MySQL means it, or null when Calcite's CAST means the same. */
    static SqlNode cast(SqlCall cast) {
        if (!(cast.operand(1) instanceof SqlDataTypeSpec spec) || !(spec.getTypeNameSpec() instanceof SqlBasicTypeNameSpec name)) {
            return null;
        }
        SqlParserPos pos = cast.getParserPosition();
        String typeName = name.getTypeName().getSimple().toUpperCase(Locale.ROOT);
        boolean binaryCharset = name.getCharSetName() != null && name.getCharSetName().equalsIgnoreCase("binary");
        int length = name.getPrecision();
        return switch (typeName) {
            case "CHAR", "VARCHAR" -> {
                SqlTypeName type = binaryCharset ? SqlTypeName.VARBINARY : SqlTypeName.VARCHAR;
                yield length < 0 ? plainCast(cast.operand(0), type, -1, pos) : explicitCast(cast.operand(0), type, length, pos);
            }
            case "BINARY" -> length < 0 ? plainCast(cast.operand(0), SqlTypeName.VARBINARY, -1, pos) : null;
            case "BIGINT" -> explicitCast(cast.operand(0), SqlTypeName.BIGINT, -1, pos);
            default -> null;
        };
    }

    /** CONVERT(x, type) as the parser wrote it: the CAST of {@link #cast} for the type it names. */
    static SqlNode convert(SqlCall call) {
        List<SqlNode> operands = call.getOperandList();
        SqlParserPos pos = call.getParserPosition();
        Kind kind = Kind.values()[number(operands.get(1))];
        int n = operands.size() > 2 ? number(operands.get(2)) : -1;
        int d = operands.size() > 3 ? number(operands.get(3)) : -1;
        SqlNode value = operands.get(0);
        return switch (kind) {
            case CHAR -> n < 0 ? plainCast(value, SqlTypeName.VARCHAR, -1, pos) : explicitCast(value, SqlTypeName.VARCHAR, n, pos);
            case BINARY -> plainCast(value, SqlTypeName.VARBINARY, n, pos);
            case SIGNED, UNSIGNED -> explicitCast(value, SqlTypeName.BIGINT, -1, pos);
            case DATE -> plainCast(value, SqlTypeName.DATE, -1, pos);
            case DATETIME -> plainCast(value, SqlTypeName.TIMESTAMP, Math.max(n, 0), pos);
            case TIME -> plainCast(value, SqlTypeName.TIME, Math.max(n, 0), pos);
            case DECIMAL -> SqlStdOperatorTable.CAST.createCall(pos, value, new SqlDataTypeSpec(
                    new SqlBasicTypeNameSpec(SqlTypeName.DECIMAL, n < 0 ? 10 : n, Math.max(d, 0), pos), pos));
            case DOUBLE, REAL -> plainCast(value, SqlTypeName.DOUBLE, -1, pos);
            case FLOAT -> plainCast(value, n > 24 ? SqlTypeName.DOUBLE : SqlTypeName.FLOAT, -1, pos);
            case JSON -> JsonOperators.CAST_AS_JSON.createCall(pos, value);
        };
    }

    private static int number(SqlNode node) {
        return ((SqlLiteral) node).intValue(true);
    }

    private static SqlNode plainCast(SqlNode value, SqlTypeName type, int precision, SqlParserPos pos) {
        return SqlStdOperatorTable.CAST.createCall(pos, value, typeSpec(type, precision, pos));
    }

    private static SqlNode explicitCast(SqlNode value, SqlTypeName type, int length, SqlParserPos pos) {
        return new ExplicitCast(typeSpec(type, length, pos)).createCall(pos, value);
    }

    private static SqlDataTypeSpec typeSpec(SqlTypeName type, int precision, SqlParserPos pos) {
        return new SqlDataTypeSpec(new SqlBasicTypeNameSpec(type, precision, pos), pos);
    }

    /**
     * A CAST whose conversion reports MySQL's warnings (compute-nodes' EXPLICIT_CAST), to the type it was
     * made with. Each instance is one target type; its name says which, so that calls to different types
     * never look alike to Calcite.
     */
    public static final class ExplicitCast extends SqlFunction {
        private final SqlDataTypeSpec target;

        ExplicitCast(SqlDataTypeSpec target) {
            // a parameter cast is of the cast's type, as MySQL 8.0.22+ types it
            super("CAST AS " + target, SqlKind.OTHER_FUNCTION, ExplicitCast::type,
                    (binding, returnType, operandTypes) -> operandTypes[0] = ((ExplicitCast) binding.getOperator())
                            .target.deriveType(binding.getValidator()),
                    OperandTypes.ANY, SqlFunctionCategory.SYSTEM);
            this.target = target;
        }

        /** Typed here: Calcite would look the function up by name in the operator table, which has none of these. */
        @Override
        public RelDataType deriveType(org.apache.calcite.sql.validate.SqlValidator validator,
                                      org.apache.calcite.sql.validate.SqlValidatorScope scope, SqlCall call) {
            validator.deriveType(scope, call.operand(0));
            return validateOperands(validator, scope, call);
        }

        private static RelDataType type(SqlOperatorBinding binding) {
            ExplicitCast cast = (ExplicitCast) binding.getOperator();
            RelDataType type = cast.target.deriveType(((SqlCallBinding) binding).getValidator());
            return binding.getTypeFactory().createTypeWithNullability(type, binding.getOperandType(0).isNullable());
        }
    }
}
