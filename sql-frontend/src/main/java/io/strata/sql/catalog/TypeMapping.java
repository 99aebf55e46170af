package io.strata.sql.catalog;

import io.strata.common.type.DataType;
import io.strata.common.type.TypeKind;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/** Converts between Strata's {@link DataType} and Calcite's {@link RelDataType}. */
public final class TypeMapping {
    /** VARCHAR longer than this (or of unspecified length) reads back as TEXT. */
    private static final int MAX_VARCHAR_LENGTH = 65535;

    private TypeMapping() {}

    public static RelDataType toRelType(RelDataTypeFactory factory, DataType type, boolean nullable) {
        RelDataType base = switch (type.kind()) {
            case NULL -> factory.createSqlType(SqlTypeName.NULL);
            case BOOLEAN -> factory.createSqlType(SqlTypeName.BOOLEAN);
            case TINYINT -> factory.createSqlType(SqlTypeName.TINYINT);
            case SMALLINT -> factory.createSqlType(SqlTypeName.SMALLINT);
            case INT -> factory.createSqlType(SqlTypeName.INTEGER);
            case BIGINT -> factory.createSqlType(SqlTypeName.BIGINT);
            case DECIMAL -> factory.createSqlType(SqlTypeName.DECIMAL, type.precision(), type.scale());
            case FLOAT -> factory.createSqlType(SqlTypeName.REAL);
            case DOUBLE -> factory.createSqlType(SqlTypeName.DOUBLE);
            // CHAR maps to VARCHAR: MySQL strips CHAR's padding, Calcite would compare padded values.
            case VARCHAR, CHAR -> factory.createSqlType(SqlTypeName.VARCHAR, type.precision());
            case TEXT, JSON -> factory.createSqlType(SqlTypeName.VARCHAR);
            case VARBINARY -> factory.createSqlType(SqlTypeName.VARBINARY, type.precision());
            case BLOB -> factory.createSqlType(SqlTypeName.VARBINARY);
            case DATE -> factory.createSqlType(SqlTypeName.DATE);
            case TIME -> factory.createSqlType(SqlTypeName.TIME, type.precision());
            case DATETIME, TIMESTAMP -> factory.createSqlType(SqlTypeName.TIMESTAMP, type.precision());
            case VECF32 -> factory.createArrayType(factory.createSqlType(SqlTypeName.REAL), -1);
            case VECF64 -> factory.createArrayType(factory.createSqlType(SqlTypeName.DOUBLE), -1);
        };
        if (base.getSqlTypeName() == SqlTypeName.VARCHAR || base.getSqlTypeName() == SqlTypeName.CHAR) {
            base = factory.createTypeWithCharsetAndCollation(base, factory.getDefaultCharset(),
                    org.apache.calcite.sql.SqlCollation.IMPLICIT);
        }
        return factory.createTypeWithNullability(base, nullable);
    }

    /** The Strata type of a Calcite type (literals' CHAR(n) become VARCHAR(n), as MySQL reports them). */
    public static DataType toDataType(RelDataType type) {
        SqlTypeName name = type.getSqlTypeName();
        return switch (name) {
            // An untyped NULL (SELECT NULL AS x) travels as a nullable VARCHAR: every operator can copy,
            // sort and hash such a column, and clients read it as NULL all the same.
            case NULL -> DataType.varchar(0);
            case BOOLEAN -> DataType.BOOLEAN;
            case TINYINT -> DataType.TINYINT;
            case SMALLINT -> DataType.SMALLINT;
            case INTEGER -> DataType.INT;
            case BIGINT -> DataType.BIGINT;
            case DECIMAL -> DataType.decimal(Math.max(1, Math.min(type.getPrecision(), DataType.MAX_DECIMAL_PRECISION)),
                    Math.max(0, Math.min(type.getScale(), type.getPrecision())));
            case REAL -> DataType.FLOAT;
            case FLOAT, DOUBLE -> DataType.DOUBLE;
            case CHAR, VARCHAR -> textType(type.getPrecision());
            case BINARY, VARBINARY -> type.getPrecision() <= 0 || type.getPrecision() > MAX_VARCHAR_LENGTH
                    ? DataType.BLOB : new DataType(TypeKind.VARBINARY, type.getPrecision(), 0);
            case DATE -> DataType.DATE;
            case TIME -> new DataType(TypeKind.TIME, fractional(type), 0);
            case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> DataType.datetime(fractional(type));
            case ARRAY -> type.getComponentType().getSqlTypeName() == SqlTypeName.REAL
                    ? DataType.vecf32(0) : DataType.vecf64(0);
            case INTERVAL_DAY, INTERVAL_DAY_HOUR, INTERVAL_DAY_MINUTE, INTERVAL_DAY_SECOND, INTERVAL_HOUR,
                 INTERVAL_HOUR_MINUTE, INTERVAL_HOUR_SECOND, INTERVAL_MINUTE, INTERVAL_MINUTE_SECOND, INTERVAL_SECOND,
                 INTERVAL_YEAR, INTERVAL_YEAR_MONTH, INTERVAL_MONTH -> DataType.BIGINT;
            default -> throw new IllegalStateException("no Strata type for " + type.getFullTypeString());
        };
    }

    private static DataType textType(int length) {
        if (length <= 0 || length > MAX_VARCHAR_LENGTH) {
            return DataType.TEXT;
        }
        return DataType.varchar(length);
    }

    private static int fractional(RelDataType type) {
        int precision = type.getPrecision();
        return precision < 0 || precision > 6 ? 0 : precision;
    }
}
