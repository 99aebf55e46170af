package io.strata.sql.parser.ast;

import io.strata.common.type.DataType;
import io.strata.common.type.TypeKind;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.Locale;

import static org.apache.calcite.util.Static.RESOURCE;

/** Maps a MySQL column type as written ({@code VARCHAR(20)}, {@code DECIMAL(10,2)}, {@code TEXT}) to a {@link DataType}. */
public final class ColumnTypes {
    private static final int DEFAULT_VARCHAR_LENGTH = 255;

    private ColumnTypes() {}

    /**
     * @param precision the first parameter in parentheses, or -1
     * @param scale     the second parameter, or -1
     * @throws CalciteContextException for an unknown type name (reported as a syntax error)
     */
    public static DataType of(String name, int precision, int scale, SqlParserPos pos) {
        String upper = name.toUpperCase(Locale.ROOT);
        return switch (upper) {
            case "INT", "INTEGER", "MEDIUMINT" -> DataType.INT;
            case "TINYINT" -> precision == 1 ? DataType.BOOLEAN : DataType.TINYINT;
            case "SMALLINT" -> DataType.SMALLINT;
            case "BIGINT" -> DataType.BIGINT;
            case "DECIMAL", "NUMERIC", "DEC" -> DataType.decimal(precision < 0 ? 10 : precision, Math.max(scale, 0));
            case "FLOAT" -> DataType.FLOAT;
            case "DOUBLE", "REAL" -> DataType.DOUBLE;
            case "VARCHAR" -> DataType.varchar(precision < 0 ? DEFAULT_VARCHAR_LENGTH : precision);
            case "CHAR", "CHARACTER" -> new DataType(TypeKind.CHAR, precision < 0 ? 1 : precision, 0);
            case "TEXT", "TINYTEXT", "MEDIUMTEXT", "LONGTEXT" -> DataType.TEXT;
            case "DATE" -> DataType.DATE;
            case "TIME" -> new DataType(TypeKind.TIME, Math.max(precision, 0), 0);
            case "DATETIME" -> DataType.datetime(Math.max(precision, 0));
            case "TIMESTAMP" -> new DataType(TypeKind.TIMESTAMP, Math.max(precision, 0), 0);
            case "BOOLEAN", "BOOL" -> DataType.BOOLEAN;
            case "JSON" -> DataType.JSON;
            case "BLOB", "TINYBLOB", "MEDIUMBLOB", "LONGBLOB" -> DataType.BLOB;
            case "VARBINARY", "BINARY" -> new DataType(TypeKind.VARBINARY, precision < 0 ? DEFAULT_VARCHAR_LENGTH : precision, 0);
            case "VECF32" -> DataType.vecf32(requireDimension(name, precision, pos));
            case "VECF64" -> DataType.vecf64(requireDimension(name, precision, pos));
            default -> throw SqlUtil.newContextException(pos, RESOURCE.unknownDatatypeName(name));
        };
    }

    private static int requireDimension(String name, int dimension, SqlParserPos pos) {
        if (dimension <= 0) {
            throw SqlUtil.newContextException(pos, RESOURCE.unknownDatatypeName(name + " without a dimension"));
        }
        return dimension;
    }
}
