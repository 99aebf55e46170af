package io.strata.compute.expression;

import io.strata.common.type.ArrowValues;
import io.strata.common.type.DataType;

import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * CONVERT_TZ(dt, from, to): the datetime {@code dt} read in zone {@code from} as it reads in zone {@code to}
 * ({@link TimeZones}; SYSTEM is the server's zone). NULL when an argument is NULL or names no zone. As in
 * MySQL, a value outside TIMESTAMP's range once in UTC (1970-01-01 00:00:01 to 2038-01-19 03:14:07) is left
 * as it is.
 */
final class ConvertTimeZone {
    private static final long MIN_SECONDS = 1;
    private static final long MAX_SECONDS = Integer.MAX_VALUE;

    private ConvertTimeZone() {}

    static Column apply(Column value, Column from, Column to, DataType type, int size, ZoneId system) {
        Column micros = ColumnCaster.cast(value, DataType.datetime(6));
        Column out = Column.allocate(DataType.datetime(6), size);
        for (int i = 0; i < size; i++) {
            ZoneId source = micros.isNull(i) || from.isNull(i) ? null : TimeZones.parse(ColumnCaster.text(from, i), system);
            ZoneId target = source == null || to.isNull(i) ? null : TimeZones.parse(ColumnCaster.text(to, i), system);
            if (target == null) {
                out.nulls()[i] = true;
                continue;
            }
            long local = micros.longs()[i];
            LocalDateTime dateTime = ArrowValues.microsToDateTime(local);
            long seconds = dateTime.atZone(source).toEpochSecond();
            out.longs()[i] = seconds < MIN_SECONDS || seconds > MAX_SECONDS ? local
                    : ArrowValues.dateTimeToMicros(dateTime.atZone(source).withZoneSameInstant(target).toLocalDateTime());
        }
        return type.kind().isTemporal() ? ColumnCaster.cast(out, type) : out;
    }
}
