package io.strata.compute.expression;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads dates, datetimes and times out of strings as MySQL does: any punctuation between parts,
 * one- or two-digit months and days, two-digit years (70-99 → 19xx, else 20xx), compact
 * {@code YYYYMMDD[hhmmss]}, {@code T} or space before the time, up to six fractional digits.
 * Invalid text yields {@link #INVALID}.
 */
public final class TemporalParser {
    /** Returned for text that is not a valid value. */
    public static final long INVALID = Long.MIN_VALUE;

    private static final long MICROS_PER_DAY = 86_400_000_000L;
    private static final Pattern DELIMITED = Pattern.compile(
            "(\\d{1,4})[-/.:](\\d{1,2})[-/.:](\\d{1,2})(?:[ T]+(\\d{1,2})[:.-](\\d{1,2})(?:[:.-](\\d{1,2})(?:\\.(\\d{0,9}))?)?)?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(?:T?(\\d{2})(\\d{2})(\\d{2})(?:\\.(\\d{0,9}))?)?");
    private static final Pattern TIME = Pattern.compile("(-)?(\\d{1,3}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d{0,9}))?)?");

    private TemporalParser() {}

    /** Epoch day of the date the text names (a time part is ignored), or {@link #INVALID}. */
    public static long parseDate(String text) {
        long micros = parseDateTime(text);
        return micros == INVALID ? INVALID : Math.floorDiv(micros, MICROS_PER_DAY);
    }

    /** Epoch microseconds of the datetime the text names (a date alone is midnight), or {@link #INVALID}. */
    public static long parseDateTime(String text) {
        String trimmed = text.strip();
        Matcher matcher = DELIMITED.matcher(trimmed);
        if (!matcher.matches()) {
            matcher = COMPACT.matcher(trimmed);
            if (!matcher.matches()) {
                return INVALID;
            }
        }
        try {
            int year = Integer.parseInt(matcher.group(1));
            if (matcher.group(1).length() <= 2) {
                year += year < 70 ? 2000 : 1900;
            }
            LocalDate date = LocalDate.of(year, Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)));
            long micros = date.toEpochDay() * MICROS_PER_DAY;
            if (matcher.group(4) != null) {
                int hour = Integer.parseInt(matcher.group(4));
                int minute = Integer.parseInt(matcher.group(5));
                int second = matcher.group(6) == null ? 0 : Integer.parseInt(matcher.group(6));
                micros += LocalTime.of(hour, minute, second).toNanoOfDay() / 1000L + fractionMicros(matcher.group(7));
            }
            return micros;
        } catch (DateTimeException e) {
            return INVALID; // e.g. 2023-02-30: MySQL yields NULL for an invalid date
        }
    }

    /** Whether a valid date text names a time of day too ('2024-01-31 10:00' does, '2024-01-31' does not). */
    public static boolean hasTimePart(String text) {
        String trimmed = text.strip();
        Matcher matcher = DELIMITED.matcher(trimmed);
        if (!matcher.matches()) {
            matcher = COMPACT.matcher(trimmed);
            if (!matcher.matches()) {
                return false;
            }
        }
        return matcher.group(4) != null;
    }

    /** The fractional second digits a datetime text carries (at most 6): the digits after a point past its last colon. */
    public static int fractionDigits(String text) {
        String stripped = text.strip();
        int colon = stripped.lastIndexOf(':');
        int point = stripped.lastIndexOf('.');
        return colon < 0 || point < colon ? 0 : Math.min(6, stripped.length() - point - 1);
    }

    /** Microseconds since midnight of the time the text names, or {@link #INVALID}. */
    public static long parseTime(String text) {
        String trimmed = text.strip();
        Matcher matcher = TIME.matcher(trimmed);
        if (!matcher.matches()) {
            long micros = parseDateTime(trimmed);
            return micros == INVALID ? INVALID : Math.floorMod(micros, MICROS_PER_DAY);
        }
        int hour = Integer.parseInt(matcher.group(2));
        int minute = Integer.parseInt(matcher.group(3));
        int second = matcher.group(4) == null ? 0 : Integer.parseInt(matcher.group(4));
        if (matcher.group(1) != null || hour > 23 || minute > 59 || second > 59) {
            return INVALID; // TIME values outside one day cannot be held as a time of day
        }
        return ((hour * 60L + minute) * 60L + second) * 1_000_000L + fractionMicros(matcher.group(5));
    }

    private static long fractionMicros(String fraction) {
        if (fraction == null || fraction.isEmpty()) {
            return 0;
        }
        String six = (fraction + "000000").substring(0, 6);
        return Long.parseLong(six);
    }
}
