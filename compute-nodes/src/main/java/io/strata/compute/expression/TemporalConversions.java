package io.strata.compute.expression;

import io.strata.common.type.ArrowValues;
import io.strata.common.type.TypeKind;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * The temporal side of {@link ColumnCaster}: reading dates, datetimes and times out of other types
 * (strings are parsed, numbers read as YYYYMMDD[hhmmss] or hhmmss), and temporal values as numbers.
 * Failures give {@link TemporalParser#INVALID}.
 */
final class TemporalConversions {
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private TemporalConversions() {}

    static long toDate(Column input, int row) {
        TypeKind kind = input.type().kind();
        return switch (kind) {
            case DATE -> input.longs()[row];
            case DATETIME, TIMESTAMP -> Math.floorDiv(input.longs()[row], MICROS_PER_DAY);
            case TIME -> TemporalParser.INVALID;
            default -> {
                long micros = toDateTime(input, row);
                yield micros == TemporalParser.INVALID ? micros : Math.floorDiv(micros, MICROS_PER_DAY);
            }
        };
    }

    static long toDateTime(Column input, int row) {
        TypeKind kind = input.type().kind();
        if (kind.isNumeric()) {
            // MySQL reads numbers as YYYYMMDD or YYYYMMDDhhmmss
            return TemporalParser.parseDateTime(Long.toString(integer(input, row)));
        }
        return switch (kind) {
            case DATE -> input.longs()[row] * MICROS_PER_DAY;
            case DATETIME, TIMESTAMP -> input.longs()[row];
            case TIME -> TemporalParser.INVALID;
            default -> TemporalParser.parseDateTime(ColumnCaster.text(input, row));
        };
    }

    static long toTime(Column input, int row) {
        TypeKind kind = input.type().kind();
        if (kind.isNumeric()) {
            long hhmmss = integer(input, row);
            return TemporalParser.parseTime(String.format("%d:%d:%d", hhmmss / 10000, (hhmmss / 100) % 100, hhmmss % 100));
        }
        return switch (kind) {
            case TIME -> input.longs()[row];
            case DATE -> 0;
            case DATETIME, TIMESTAMP -> Math.floorMod(input.longs()[row], MICROS_PER_DAY);
            default -> TemporalParser.parseTime(ColumnCaster.text(input, row));
        };
    }

    private static long integer(Column input, int row) {
        return ColumnCaster.integerValue(input, row);
    }

    /** DATE as YYYYMMDD, DATETIME as YYYYMMDDhhmmss, TIME as hhmmss: MySQL's numeric reading. */
    static long asNumber(Column input, int row) {
        long value = input.longs()[row];
        return switch (input.type().kind()) {
            case DATE -> {
                LocalDate date = LocalDate.ofEpochDay(value);
                yield date.getYear() * 10000L + date.getMonthValue() * 100L + date.getDayOfMonth();
            }
            case TIME -> {
                long seconds = Math.floorDiv(value, 1_000_000L);
                yield (seconds / 3600) * 10000L + ((seconds / 60) % 60) * 100L + seconds % 60;
            }
            default -> {
                LocalDateTime dateTime = ArrowValues.microsToDateTime(value);
                yield ((dateTime.getYear() * 100L + dateTime.getMonthValue()) * 100L + dateTime.getDayOfMonth()) * 1_000_000L
                        + dateTime.getHour() * 10000L + dateTime.getMinute() * 100L + dateTime.getSecond();
            }
        };
    }
}
