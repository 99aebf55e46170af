package io.strata.compute.expression;

import io.strata.common.type.ArrowValues;
import io.strata.common.type.DataType;

import java.time.LocalDateTime;
import java.util.Locale;

/**
 * TIMESTAMPDIFF(unit, from, to): {@code to - from} in whole units, truncated toward zero. Months,
 * quarters and years count calendar months, a month being complete once the day and time of day reach
 * the start's again (MySQL's Item_func_timestamp_diff); the other units count elapsed microseconds.
 */
final class TimestampDiff {
    private static final long MICROS_PER_SECOND = 1_000_000L;

    private TimestampDiff() {}

    /** args: the unit's name as a string constant (MICROSECOND ... YEAR), from, to. */
    static Column apply(Column[] arguments, int size) {
        Column units = arguments[0];
        Column from = ColumnCaster.cast(arguments[1], DataType.datetime(6));
        Column to = ColumnCaster.cast(arguments[2], DataType.datetime(6));
        Column out = Column.allocate(DataType.BIGINT, size);
        Column[] all = {units, from, to};
        for (int i = 0; i < size; i++) {
            if (NullArguments.any(all, i)) {
                out.nulls()[i] = true;
                continue;
            }
            String unit = ((String) units.objects()[i]).toUpperCase(Locale.ROOT);
            out.longs()[i] = difference(unit, from.longs()[i], to.longs()[i]);
        }
        return out;
    }

    private static long difference(String unit, long fromMicros, long toMicros) {
        long micros = toMicros - fromMicros;
        return switch (unit) {
            case "MICROSECOND", "FRAC_SECOND" -> micros;
            case "SECOND" -> micros / MICROS_PER_SECOND;
            case "MINUTE" -> micros / (60 * MICROS_PER_SECOND);
            case "HOUR" -> micros / (3600 * MICROS_PER_SECOND);
            case "DAY" -> micros / (86_400 * MICROS_PER_SECOND);
            case "WEEK" -> micros / (7 * 86_400 * MICROS_PER_SECOND);
            case "MONTH" -> months(fromMicros, toMicros);
            case "QUARTER" -> months(fromMicros, toMicros) / 3;
            case "YEAR" -> months(fromMicros, toMicros) / 12;
            default -> throw io.strata.common.error.StrataException.of(io.strata.common.error.ErrorCode.ER_WRONG_ARGUMENTS,
                    "Incorrect arguments to timestampdiff");
        };
    }

    /** Whole calendar months from one datetime to another, negative when {@code to} is earlier. */
    private static long months(long fromMicros, long toMicros) {
        boolean negative = toMicros < fromMicros;
        long beginMicros = negative ? toMicros : fromMicros;
        long endMicros = negative ? fromMicros : toMicros;
        LocalDateTime begin = ArrowValues.microsToDateTime(beginMicros);
        LocalDateTime end = ArrowValues.microsToDateTime(endMicros);
        long months = (end.getYear() - begin.getYear()) * 12L + end.getMonthValue() - begin.getMonthValue();
        if (positionInMonth(end, endMicros) < positionInMonth(begin, beginMicros)) {
            months--; // the last month is not complete
        }
        return negative ? -months : months;
    }

    /** Day of month, time of day and microseconds as one comparable number. */
    private static long positionInMonth(LocalDateTime value, long epochMicros) {
        long seconds = value.getDayOfMonth() * 86_400L + value.toLocalTime().toSecondOfDay();
        return seconds * MICROS_PER_SECOND + Math.floorMod(epochMicros, MICROS_PER_SECOND);
    }
}
