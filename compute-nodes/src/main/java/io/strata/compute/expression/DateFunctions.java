package io.strata.compute.expression;

import io.strata.common.type.DataType;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * YEAR, MONTH, DAY of a date or datetime; CURRENT_DATE, CURRENT_TIME and CURRENT_TIMESTAMP of the statement's start
 * (in the session's time zone), UTC_TIMESTAMP of the same instant in UTC.
 */
final class DateFunctions {
    private DateFunctions() {}

    static Column apply(ScalarFunction function, Column[] arguments, DataType type, int size, LocalDateTime statementTime,
                        java.time.ZoneId timeZone) {
        return switch (function) {
            case UTC_TIMESTAMP -> ColumnCaster.cast(Column.constant(statementTime.atZone(timeZone)
                    .withZoneSameInstant(java.time.ZoneOffset.UTC).toLocalDateTime(), DataType.datetime(6), size),
                    type.kind().isTemporal() ? type : DataType.datetime(6));
            case CURRENT_DATE -> Column.constant(statementTime.toLocalDate(), DataType.DATE, size);
            // with the call's fractional digits (NOW(3)), also when an enclosing call reads the value
            case CURRENT_TIMESTAMP -> ColumnCaster.cast(Column.constant(statementTime, DataType.datetime(6), size),
                    type.kind().isTemporal() ? type : DataType.datetime(6));
            case CURRENT_TIME -> ColumnCaster.cast(Column.constant(statementTime.toLocalTime(),
                    new DataType(io.strata.common.type.TypeKind.TIME, 6, 0), size), type.kind().isTemporal() ? type : DataType.TIME);
            case YEAR, MONTH, DAY, DAYOFWEEK -> part(function, arguments[0], size);
            case HOUR, MINUTE, SECOND, MICROSECOND -> timePart(function, arguments[0], size);
            case DATEDIFF -> dateDiff(arguments[0], arguments[1], size);
            case ADD_MONTHS, ADD_MILLISECONDS, ADD_MICROSECONDS -> addInterval(function, arguments[0], arguments[1],
                    arguments.length > 2 ? (Long) arguments[2].get(0) : 0,
                    arguments.length > 3 && (Long) arguments[3].get(0) != 0, type, size);
            default -> throw new IllegalArgumentException("not a date function: " + function);
        };
    }

    private static final long MICROS_PER_DAY = 86_400_000_000L;

    /**
     * Date arithmetic; a DATE call type gives a DATE, a string type (the value was a string) the text
     * MySQL prints (a date when the string named no time and the unit has none, {@code timeUnit} false, else
     * a datetime with {@code textDigits} fractional digits, or with the text's own when it is -1), anything
     * else a DATETIME the evaluator converts.
     */
    private static Column addInterval(ScalarFunction function, Column temporal, Column amount, long textDigits,
                                      boolean timeUnit, DataType type, int size) {
        boolean months = function == ScalarFunction.ADD_MONTHS;
        long microsPerCount = function == ScalarFunction.ADD_MILLISECONDS ? 1000L : 1L;
        if (type.kind() == io.strata.common.type.TypeKind.TIME) {
            return addToTimes(months, microsPerCount, temporal, amount, size);
        }
        boolean dateResult = type.kind() == io.strata.common.type.TypeKind.DATE;
        boolean textResult = type.kind().isString();
        Column micros = ColumnCaster.cast(temporal, DataType.datetime(6));
        Column counts = ColumnCaster.cast(amount, DataType.BIGINT);
        Column out = Column.allocate(dateResult ? DataType.DATE : textResult ? type : DataType.datetime(6), size);
        for (int i = 0; i < size; i++) {
            if (micros.isNull(i) || counts.isNull(i)) {
                out.nulls()[i] = true;
                continue;
            }
            long value = micros.longs()[i];
            long count = counts.longs()[i];
            long result;
            try {
                if (months) {
                    LocalDateTime shifted = io.strata.common.type.ArrowValues.microsToDateTime(value).plusMonths(count);
                    result = io.strata.common.type.ArrowValues.dateTimeToMicros(shifted);
                } else {
                    result = Math.addExact(value, Math.multiplyExact(count, microsPerCount));
                }
            } catch (ArithmeticException | java.time.DateTimeException e) {
                out.nulls()[i] = true; // MySQL gives NULL for a date out of range
                continue;
            }
            if (textResult) {
                String text = ColumnCaster.text(temporal, i);
                boolean dateOnly = !timeUnit && !TemporalParser.hasTimePart(text);
                int digits = textDigits < 0 ? TemporalParser.fractionDigits(text) : (int) textDigits;
                out.set(i, dateOnly ? ValueFormatter.formatDate(Math.floorDiv(result, MICROS_PER_DAY))
                        : ValueFormatter.formatDateTime(result, digits));
            } else {
                out.longs()[i] = dateResult ? Math.floorDiv(result, MICROS_PER_DAY) : result;
            }
        }
        return out;
    }

    /**
     * A TIME plus a time interval; NULL for months, which a time of day has none of. MySQL's TIME reaches
     * 838:59:59 either way, Strata's holds a time of day: results outside [00:00:00, 24:00:00) are NULL.
     */
    private static Column addToTimes(boolean months, long microsPerCount, Column temporal, Column amount, int size) {
        Column times = ColumnCaster.cast(temporal, new DataType(io.strata.common.type.TypeKind.TIME, 6, 0));
        Column counts = ColumnCaster.cast(amount, DataType.BIGINT);
        Column out = Column.allocate(new DataType(io.strata.common.type.TypeKind.TIME, 6, 0), size);
        for (int i = 0; i < size; i++) {
            out.nulls()[i] = true;
            if (months || times.isNull(i) || counts.isNull(i)) {
                continue;
            }
            try {
                long result = Math.addExact(times.longs()[i], Math.multiplyExact(counts.longs()[i], microsPerCount));
                if (result >= 0 && result < MICROS_PER_DAY) {
                    out.nulls()[i] = false;
                    out.longs()[i] = result;
                }
            } catch (ArithmeticException e) {
                // beyond any TIME: NULL, as past MAX_TIME_MICROS
            }
        }
        return out;
    }

    private static Column part(ScalarFunction function, Column argument, int size) {
        Column dates = ColumnCaster.cast(argument, DataType.DATE);
        Column out = Column.allocate(DataType.BIGINT, size);
        for (int i = 0; i < size; i++) {
            if (dates.isNull(i)) {
                out.nulls()[i] = true;
                continue;
            }
            LocalDate date = LocalDate.ofEpochDay(dates.longs()[i]);
            out.longs()[i] = switch (function) {
                case YEAR -> date.getYear();
                case MONTH -> date.getMonthValue();
                case DAYOFWEEK -> date.getDayOfWeek().getValue() % 7 + 1;
                default -> date.getDayOfMonth();
            };
        }
        return out;
    }

    /** HOUR, MINUTE, SECOND of a time, or of a datetime's time of day. */
    private static Column timePart(ScalarFunction function, Column argument, int size) {
        Column times = ColumnCaster.cast(argument, new DataType(io.strata.common.type.TypeKind.TIME, 6, 0));
        Column out = Column.allocate(DataType.BIGINT, size);
        for (int i = 0; i < size; i++) {
            if (times.isNull(i)) {
                out.nulls()[i] = true;
                continue;
            }
            long seconds = Math.floorDiv(times.longs()[i], 1_000_000L);
            out.longs()[i] = switch (function) {
                case HOUR -> seconds / 3600;
                case MINUTE -> (seconds / 60) % 60;
                case MICROSECOND -> Math.floorMod(times.longs()[i], 1_000_000L);
                default -> seconds % 60;
            };
        }
        return out;
    }

    private static Column dateDiff(Column left, Column right, int size) {
        Column a = ColumnCaster.cast(left, DataType.DATE);
        Column b = ColumnCaster.cast(right, DataType.DATE);
        Column out = Column.allocate(DataType.BIGINT, size);
        for (int i = 0; i < size; i++) {
            out.nulls()[i] = a.isNull(i) || b.isNull(i);
            out.longs()[i] = a.longs()[i] - b.longs()[i];
        }
        return out;
    }
}
