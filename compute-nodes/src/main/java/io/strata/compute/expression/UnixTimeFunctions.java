package io.strata.compute.expression;

import io.strata.common.type.ArrowValues;
import io.strata.common.type.DataType;
import io.strata.common.type.TypeKind;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * UNIX_TIMESTAMP([d]) and FROM_UNIXTIME(n) in the session's time zone (its time_zone). As in MySQL 8.0.28+, instants from 1970-01-01 00:00:00 UTC up to
 * 3001-01-19 03:14:07.999999 UTC count; UNIX_TIMESTAMP gives 0 outside them, FROM_UNIXTIME NULL.
 */
final class UnixTimeFunctions {
    private static final long MICROS_PER_SECOND = 1_000_000L;
    /** The last second FROM_UNIXTIME and UNIX_TIMESTAMP accept on 64-bit platforms. */
    private static final long MAX_SECONDS = 32_536_771_199L;

    private UnixTimeFunctions() {}

    /** UNIX_TIMESTAMP(): the statement's start in whole seconds. */
    static Column now(LocalDateTime statementTime, ZoneId zone, int size) {
        return Column.constant(statementTime.atZone(zone).toEpochSecond(), DataType.BIGINT, size);
    }

    /** UNIX_TIMESTAMP(d): seconds since the epoch, a BIGINT or (with fractional seconds) a DECIMAL of {@code type}. */
    static Column unixTimestamp(Column value, DataType type, int size, ZoneId zone) {
        Column micros = ColumnCaster.cast(value, DataType.datetime(6));
        boolean decimal = type.kind() == TypeKind.DECIMAL;
        Column out = Column.allocate(type, size);
        for (int i = 0; i < size; i++) {
            if (micros.isNull(i)) {
                out.nulls()[i] = true;
                continue;
            }
            LocalDateTime local = ArrowValues.microsToDateTime(micros.longs()[i]);
            long seconds = local.atZone(zone).toEpochSecond();
            long fraction = Math.floorMod(micros.longs()[i], MICROS_PER_SECOND);
            if (seconds < 0 || seconds > MAX_SECONDS) {
                seconds = 0;
                fraction = 0;
            }
            out.set(i, decimal ? BigDecimal.valueOf(seconds * MICROS_PER_SECOND + fraction, 6).setScale(type.scale(),
                    java.math.RoundingMode.DOWN) : (Object) seconds);
        }
        return out;
    }

    /** FROM_UNIXTIME(n): the local datetime of {@code n} seconds since the epoch (fractions kept to microseconds). */
    static Column fromUnixTime(Column value, DataType type, int size, ZoneId zone) {
        Column seconds = ColumnCaster.cast(value, DataType.decimal(24, 6));
        Column out = Column.allocate(type, size);
        for (int i = 0; i < size; i++) {
            if (seconds.isNull(i)) {
                out.nulls()[i] = true;
                continue;
            }
            BigDecimal exact = (BigDecimal) seconds.objects()[i];
            if (exact.signum() < 0 || exact.compareTo(BigDecimal.valueOf(MAX_SECONDS + 1)) >= 0) {
                out.nulls()[i] = true;
                continue;
            }
            long micros = exact.movePointRight(6).longValue();
            Instant instant = Instant.ofEpochSecond(micros / MICROS_PER_SECOND, (micros % MICROS_PER_SECOND) * 1000);
            long local = ArrowValues.dateTimeToMicros(LocalDateTime.ofInstant(instant, zone));
            long unit = Column.LONG_POWERS_OF_TEN[6 - Math.min(6, type.precision())];
            out.longs()[i] = local - Math.floorMod(local, unit); // a DATETIME(p) keeps p digits
        }
        return out;
    }
}
