package io.strata.compute.expression;

import io.strata.common.type.DataType;

import java.time.LocalDate;

/**
 * Parts of a date by the calendar: DAYNAME, MONTHNAME, DAYOFYEAR, WEEKDAY, QUARTER, WEEK(d[, mode]),
 * YEARWEEK(d[, mode]), LAST_DAY, TO_DAYS. The argument is a date, a datetime or a string read as one;
 * an invalid one gives NULL.
 */
final class CalendarFunctions {
    /** Days from year 0 (MySQL's day number of 0000-01-01 is 1) to 1970-01-01. */
    private static final long TO_DAYS_OF_EPOCH = 719_528;

    private CalendarFunctions() {}

    static Column apply(ScalarFunction function, Column[] arguments, DataType type, int size) {
        Column dates = ColumnCaster.cast(arguments[0], DataType.DATE);
        Column modes = arguments.length > 1 ? ColumnCaster.cast(arguments[1], DataType.BIGINT) : null;
        Column out = Column.allocate(type, size);
        for (int i = 0; i < size; i++) {
            if (dates.isNull(i) || modes != null && modes.isNull(i)) {
                out.nulls()[i] = true;
                continue;
            }
            long epochDay = dates.longs()[i];
            LocalDate date = LocalDate.ofEpochDay(epochDay);
            long mode = modes == null ? 0 : modes.longs()[i]; // default_week_format is 0
            out.set(i, switch (function) {
                case DAYNAME -> DateFormat.DAY_NAMES[date.getDayOfWeek().getValue() - 1];
                case MONTHNAME -> DateFormat.MONTH_NAMES[date.getMonthValue() - 1];
                case DAYOFYEAR -> (long) date.getDayOfYear();
                case WEEKDAY -> (long) date.getDayOfWeek().getValue() - 1;
                case QUARTER -> (long) (date.getMonthValue() + 2) / 3;
                case WEEK -> (long) WeekNumbers.week(date, WeekNumbers.behaviourOfMode(mode));
                case YEARWEEK -> WeekNumbers.yearAndWeek(date, WeekNumbers.behaviourOfMode(mode) | WeekNumbers.WEEK_YEAR);
                case LAST_DAY -> date.withDayOfMonth(date.lengthOfMonth());
                case TO_DAYS -> epochDay + TO_DAYS_OF_EPOCH;
                default -> throw new IllegalArgumentException("not a calendar function: " + function);
            });
        }
        return out;
    }
}
