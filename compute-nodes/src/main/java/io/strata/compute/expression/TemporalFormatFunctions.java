package io.strata.compute.expression;

import io.strata.common.error.ErrorCode;
import io.strata.common.type.DataType;
import io.strata.compute.operator.WarningSink;

/**
 * DATE_FORMAT(d, format) and STR_TO_DATE(text, format) over columns. The format is nearly always a
 * constant: it is read once and kept while the rows repeat it.
 */
final class TemporalFormatFunctions {
    private TemporalFormatFunctions() {}

    /**
     * DATE_FORMAT: a string, date or datetime (a string is read as one) printed by the format; NULL if invalid.
     * A TIME is a time of the statement's day, as MySQL 8 converts a TIME to a DATETIME.
     */
    static Column dateFormat(Column value, Column format, DataType type, int size, java.time.LocalDate today) {
        Column micros = value.type().kind() == io.strata.common.type.TypeKind.TIME ? onDay(value, today)
                : ColumnCaster.cast(value, DataType.datetime(6));
        Column formats = text(format);
        Column out = Column.allocate(type, size);
        DateFormat compiled = null;
        for (int i = 0; i < size; i++) {
            if (micros.isNull(i) || formats.isNull(i)) {
                out.nulls()[i] = true;
                continue;
            }
            String pattern = (String) formats.objects()[i];
            if (compiled == null || !compiled.format().equals(pattern)) {
                compiled = new DateFormat(pattern);
            }
            out.set(i, compiled.apply(micros.longs()[i]));
        }
        return out;
    }

    /**
     * STR_TO_DATE: the value of {@code type} (DATE, DATETIME or TIME, from the format when it is a constant)
     * the text names; NULL and warning 1411 when the text does not match or names no valid date.
     */
    static Column strToDate(Column text, Column format, DataType type, int size, WarningSink warnings) {
        Column texts = text(text);
        Column formats = text(format);
        Column out = Column.allocate(type, size);
        StrToDateFormat compiled = null;
        for (int i = 0; i < size; i++) {
            if (texts.isNull(i) || formats.isNull(i)) {
                out.nulls()[i] = true;
                continue;
            }
            String pattern = (String) formats.objects()[i];
            if (compiled == null || !compiled.format().equals(pattern)) {
                compiled = new StrToDateFormat(pattern);
            }
            String value = (String) texts.objects()[i];
            long parsed = compiled.parse(value);
            if (parsed == StrToDateFormat.NO_MATCH) {
                out.nulls()[i] = true;
                warnings.warn(ErrorCode.ER_WRONG_VALUE_FOR_TYPE.mysqlCode(),
                        "Incorrect datetime value: '" + value + "' for function str_to_date");
                continue;
            }
            out.set(i, compiled.resultType().kind() == type.kind() ? Long.valueOf(parsed)
                    : converted(parsed, compiled.resultType(), type));
        }
        return out;
    }

    private static Column onDay(Column times, java.time.LocalDate day) {
        Column out = Column.allocate(DataType.datetime(6), times.size());
        long start = day.toEpochDay() * 86_400_000_000L;
        for (int i = 0; i < times.size(); i++) {
            out.nulls()[i] = times.isNull(i);
            out.longs()[i] = start + times.longs()[i];
        }
        return out;
    }

    /** A value of a format that was not the constant the call's type was chosen by, as that type. */
    private static Object converted(long value, DataType from, DataType to) {
        Column one = Column.allocate(from, 1);
        one.longs()[0] = value;
        return ColumnCaster.cast(one, to).get(0);
    }

    private static Column text(Column column) {
        return column.type().kind().isString() ? column : ColumnCaster.cast(column, DataType.TEXT);
    }
}
