package io.strata.compute.expression;

import io.strata.common.type.ArrowValues;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A DATE_FORMAT format string, read once: {@code %} specifiers as MySQL 8 defines them (%a %b %c %D %d
 * %e %f %H %h %I %i %j %k %l %M %m %p %r %S %s %T %U %u %V %v %W %w %X %x %Y %y %%); {@code %} before
 * any other character stands for that character, as in MySQL. Immutable.
 */
public final class DateFormat {
    static final String[] MONTH_NAMES = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};
    /** Monday first, as {@link java.time.DayOfWeek}. */
    static final String[] DAY_NAMES = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

    private final String format;
    /** Each element a literal character (≥ 0) or a specifier letter as {@code -letter}. */
    private final int[] tokens;

    public DateFormat(String format) {
        this.format = Objects.requireNonNull(format, "format");
        int[] parsed = new int[format.length()];
        int count = 0;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '%' && i + 1 < format.length()) {
                char specifier = format.charAt(++i);
                parsed[count++] = isSpecifier(specifier) ? -specifier : specifier;
            } else {
                parsed[count++] = c;
            }
        }
        this.tokens = java.util.Arrays.copyOf(parsed, count);
    }

    public String format() {
        return format;
    }

    private static boolean isSpecifier(char c) {
        return "abcDdefHhIijklMmprSsTUuVvWwXxYy".indexOf(c) >= 0;
    }

    /** The text of a datetime given as epoch microseconds. */
    public String apply(long epochMicros) {
        LocalDateTime value = ArrowValues.microsToDateTime(epochMicros);
        int micros = (int) Math.floorMod(epochMicros, 1_000_000L);
        StringBuilder out = new StringBuilder(tokens.length * 2);
        for (int token : tokens) {
            if (token >= 0) {
                out.append((char) token);
            } else {
                appendField(out, (char) -token, value, micros);
            }
        }
        return out.toString();
    }

    private static void appendField(StringBuilder out, char specifier, LocalDateTime v, int micros) {
        int hour12 = v.getHour() % 12 == 0 ? 12 : v.getHour() % 12;
        switch (specifier) {
            case 'a' -> out.append(DAY_NAMES[v.getDayOfWeek().getValue() - 1], 0, 3);
            case 'b' -> out.append(MONTH_NAMES[v.getMonthValue() - 1], 0, 3);
            case 'c' -> out.append(v.getMonthValue());
            case 'D' -> out.append(v.getDayOfMonth()).append(ordinalSuffix(v.getDayOfMonth()));
            case 'd' -> pad(out, v.getDayOfMonth(), 2);
            case 'e' -> out.append(v.getDayOfMonth());
            case 'f' -> pad(out, micros, 6);
            case 'H' -> pad(out, v.getHour(), 2);
            case 'h', 'I' -> pad(out, hour12, 2);
            case 'i' -> pad(out, v.getMinute(), 2);
            case 'j' -> pad(out, v.getDayOfYear(), 3);
            case 'k' -> out.append(v.getHour());
            case 'l' -> out.append(hour12);
            case 'M' -> out.append(MONTH_NAMES[v.getMonthValue() - 1]);
            case 'm' -> pad(out, v.getMonthValue(), 2);
            case 'p' -> out.append(v.getHour() < 12 ? "AM" : "PM");
            case 'r' -> {
                pad(out, hour12, 2);
                pad(out.append(':'), v.getMinute(), 2);
                pad(out.append(':'), v.getSecond(), 2);
                out.append(v.getHour() < 12 ? " AM" : " PM");
            }
            case 'S', 's' -> pad(out, v.getSecond(), 2);
            case 'T' -> {
                pad(out, v.getHour(), 2);
                pad(out.append(':'), v.getMinute(), 2);
                pad(out.append(':'), v.getSecond(), 2);
            }
            case 'U' -> pad(out, WeekNumbers.week(v.toLocalDate(), WeekNumbers.FIRST_WEEKDAY), 2);
            case 'u' -> pad(out, WeekNumbers.week(v.toLocalDate(), WeekNumbers.MONDAY_FIRST), 2);
            case 'V' -> pad(out, WeekNumbers.week(v.toLocalDate(), WeekNumbers.WEEK_YEAR | WeekNumbers.FIRST_WEEKDAY), 2);
            case 'v' -> pad(out, WeekNumbers.week(v.toLocalDate(), WeekNumbers.WEEK_YEAR | WeekNumbers.MONDAY_FIRST), 2);
            case 'W' -> out.append(DAY_NAMES[v.getDayOfWeek().getValue() - 1]);
            case 'w' -> out.append(v.getDayOfWeek().getValue() % 7);
            case 'X' -> pad(out, (int) (WeekNumbers.yearAndWeek(v.toLocalDate(),
                    WeekNumbers.WEEK_YEAR | WeekNumbers.FIRST_WEEKDAY) / 100), 4);
            case 'x' -> pad(out, (int) (WeekNumbers.yearAndWeek(v.toLocalDate(),
                    WeekNumbers.WEEK_YEAR | WeekNumbers.MONDAY_FIRST) / 100), 4);
            case 'Y' -> pad(out, v.getYear(), 4);
            case 'y' -> pad(out, v.getYear() % 100, 2);
            default -> throw new IllegalStateException("not a DATE_FORMAT specifier: " + specifier);
        }
    }

    /** English ordinal suffix: 1st 2nd 3rd 4th ... 11th 12th 13th ... 21st 22nd 23rd ... 31st. */
    static String ordinalSuffix(int day) {
        if (day / 10 % 10 == 1) {
            return "th";
        }
        return switch (day % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }

    private static void pad(StringBuilder out, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        out.append(digits);
    }
}
