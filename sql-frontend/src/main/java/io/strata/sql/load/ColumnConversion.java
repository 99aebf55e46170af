package io.strata.sql.load;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.type.DataType;
import io.strata.common.type.TypeKind;
import io.strata.compute.expression.Column;
import io.strata.compute.expression.ColumnCaster;

import java.math.BigDecimal;

/**
 * Converts a batch of one column's values (the file's text, or SET results) to the column's type: the whole
 * column at once with the store rules INSERT uses, and, when a value does not convert and the load is not
 * strict, row by row with a warning per bad value and MySQL's lenient result (the numeric prefix, the
 * nearest value in range, the text cut to the column's length).
 */
final class ColumnConversion {
    private ColumnConversion() {}

    static Column convert(Column input, DataType type, String columnName, long firstRowNumber, LoadConditions conditions) {
        try {
            return ColumnCaster.castForColumn(input, type, columnName, firstRowNumber);
        } catch (StrataException e) {
            if (conditions.strict() || !LoadConditions.isDataError(e)) {
                throw e;
            }
        }
        Column output = Column.allocate(type, input.size());
        for (int row = 0; row < input.size(); row++) {
            Object value = input.get(row);
            Column single = Column.fromValues(input.type(), new Object[] {value});
            try {
                output.set(row, ColumnCaster.castForColumn(single, type, columnName, firstRowNumber + row).get(0));
            } catch (StrataException e) {
                if (!LoadConditions.isDataError(e)) {
                    throw e;
                }
                output.set(row, lenient(single, type, columnName, firstRowNumber + row, e, conditions));
            }
        }
        return output;
    }

    private static Object lenient(Column single, DataType type, String columnName, long rowNumber, StrataException problem,
                                  LoadConditions conditions) {
        if (problem.code() == ErrorCode.ER_DATA_TOO_LONG && single.get(0) instanceof String text && type.precision() > 0) {
            conditions.warn(StrataException.of(ErrorCode.ER_WARN_DATA_TRUNCATED, "Data truncated for column '%s' at row %d",
                    columnName, rowNumber));
            return text.substring(0, text.offsetByCodePoints(0, Math.min(type.precision(), text.codePointCount(0, text.length()))));
        }
        conditions.warn(problem);
        return ColumnCaster.cast(single, type).get(0);
    }

    /**
     * The value a NOT NULL column takes when the load is not strict and it got NULL or nothing: MySQL's
     * implicit default for the type (zero, the empty string; for dates, which cannot be zero here, the epoch).
     */
    static Object implicitDefault(DataType type) {
        TypeKind kind = type.kind();
        if (kind.isString()) {
            return "";
        }
        return switch (kind) {
            case DECIMAL -> BigDecimal.ZERO.setScale(type.scale());
            case FLOAT, DOUBLE -> 0.0;
            case DATE -> java.time.LocalDate.EPOCH;
            case DATETIME, TIMESTAMP -> java.time.LocalDateTime.of(1970, 1, 1, 0, 0);
            case TIME -> java.time.LocalTime.MIDNIGHT;
            case BLOB, VARBINARY -> new byte[0];
            default -> Column.representation(kind) == Column.Representation.LONG ? Long.valueOf(0) : null;
        };
    }
}
