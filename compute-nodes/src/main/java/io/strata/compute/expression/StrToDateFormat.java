package io.strata.compute.expression;

import io.strata.common.type.DataType;
import io.strata.common.type.TypeKind;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A STR_TO_DATE format, read the way MySQL 8 reads it ({@code extract_date_time} in sql_time.cc): spaces
 * in the text are skipped before each format character, spaces in the format match nothing, other
 * literal characters must match exactly, numeric fields take at most their width of digits (%Y four,
 * %m %d %H %i %s two, %j three, %f six), %M %b %W %a take a unique prefix of an English name, %D skips
 * the two letters after the day, %p needs a 12-hour %h/%I/%l, %r and %T are %I:%i:%S %p and %H:%i:%S,
 * %. %@ %# skip punctuation, letters, digits. Text left over after a match is ignored (MySQL warns
 * that it was truncated); a format left over is ignored too. Immutable.
 */
public final class StrToDateFormat {
    /** What parsing gives instead of a value when the text does not match or names no valid date. */
    public static final long NO_MATCH = TemporalParser.INVALID;

    private static final long MICROS_PER_DAY = 86_400_000_000L;
    private static final String[] ABBREVIATED_MONTHS = abbreviations(DateFormat.MONTH_NAMES);
    private static final String[] ABBREVIATED_DAYS = abbreviations(DateFormat.DAY_NAMES);

    private final String format;
    private final DataType resultType;

    public StrToDateFormat(String format) {
        this.format = Objects.requireNonNull(format, "format");
        this.resultType = resultType(format);
    }

    public String format() {
        return format;
    }

    public DataType resultType() {
        return resultType;
    }

    /**
     * MySQL's result type for a format: TIME when it names only time parts (%H %h %I %i %k %l %p %r %S %s
     * %T %f), DATETIME when it names both, else DATE; with six fractional digits when it names %f.
     */
    public static DataType resultType(String format) {
        boolean time = false;
        boolean date = false;
        boolean fraction = false;
        for (int i = 0; i + 1 < format.length(); i++) {
            if (format.charAt(i) != '%') {
                continue;
            }
            char specifier = format.charAt(++i);
            if ("fHhIiklpSsrT".indexOf(specifier) >= 0) {
                time = true;
                fraction |= specifier == 'f';
            } else {
                date = true;
            }
        }
        int digits = fraction ? 6 : 0;
        if (!time) {
            return DataType.DATE;
        }
        return date ? DataType.datetime(digits) : new DataType(TypeKind.TIME, digits, 0);
    }

    /**
     * The value {@code text} names, as {@link #resultType()} holds it in a column (DATE: epoch days,
     * DATETIME: epoch microseconds, TIME: microseconds of the day), or {@link #NO_MATCH}.
     */
    public long parse(String text) {
        Fields fields = new Fields();
        if (new Scanner(text, fields).match(format) < 0) {
            return NO_MATCH;
        }
        return fields.value(resultType.kind());
    }

    /** The parts read so far; MySQL's {@code MYSQL_TIME} plus the week and year-day parts. */
    private static final class Fields {
        int year;
        int month;
        int day;
        int hour;
        int minute;
        int second;
        long micros;
        boolean twelveHour;
        int dayPart;
        int yearDay;
        /** 1 = Monday ... 7 = Sunday, 0 when not given. */
        int weekday;
        int weekNumber = -1;
        boolean sundayFirst;
        boolean strictWeek;
        int strictWeekYear = -1;
        boolean strictWeekYearSundayFirst;

        long value(TypeKind kind) {
            if (twelveHour) {
                if (hour > 12 || hour < 1) {
                    return NO_MATCH;
                }
                hour = hour % 12 + dayPart;
            }
            if (month > 12 || day > 31 || hour > 23 || minute > 59 || second > 59) {
                return NO_MATCH;
            }
            long timeOfDay = ((hour * 60L + minute) * 60L + second) * 1_000_000L + micros;
            if (kind == TypeKind.TIME) {
                return timeOfDay;
            }
            long epochDay = epochDay();
            if (epochDay == NO_MATCH) {
                return NO_MATCH;
            }
            return kind == TypeKind.DATE ? epochDay : epochDay * MICROS_PER_DAY + timeOfDay;
        }

        /** The date; a zero month or day is no date (MySQL 8's NO_ZERO_IN_DATE and NO_ZERO_DATE). */
        private long epochDay() {
            try {
                if (yearDay > 0) {
                    LocalDate date = LocalDate.of(year, 1, 1).plusDays(yearDay - 1L);
                    year = date.getYear();
                    month = date.getMonthValue();
                    day = date.getDayOfMonth();
                }
                if (weekNumber >= 0 && weekday != 0) {
                    return fromWeek();
                }
                return LocalDate.of(year, month, day).toEpochDay();
            } catch (DateTimeException e) {
                return NO_MATCH;
            }
        }

        /** %U %u %V %v with a weekday: %V and %v need %X and %x, %U and %u need %Y. */
        private long fromWeek() {
            if (strictWeek && (strictWeekYear < 0 || strictWeekYearSundayFirst != sundayFirst)
                    || !strictWeek && strictWeekYear >= 0) {
                return NO_MATCH;
            }
            long firstOfYear = LocalDate.of(strictWeek ? strictWeekYear : year, 1, 1).toEpochDay();
            int isoDay = LocalDate.ofEpochDay(firstOfYear).getDayOfWeek().getValue();
            int firstWeekday = sundayFirst ? isoDay % 7 : isoDay - 1;
            long days = firstOfYear;
            if (sundayFirst) {
                days += (firstWeekday == 0 ? 0 : 7) - firstWeekday + (weekNumber - 1) * 7L + weekday % 7;
            } else {
                days += (firstWeekday <= 3 ? 0 : 7) - firstWeekday + (weekNumber - 1) * 7L + (weekday - 1);
            }
            LocalDate date = LocalDate.ofEpochDay(days);
            return date.getYear() < 1 || date.getYear() > 9999 ? NO_MATCH : days;
        }
    }

    /** Reads a text against a format, filling {@link Fields}. */
    private static final class Scanner {
        private final String text;
        private final Fields fields;
        private int at;

        Scanner(String text, Fields fields) {
            this.text = text;
            this.fields = fields;
        }

        /** Matches the text from the current position; the position after the match, or -1. */
        int match(String pattern) {
            for (int p = 0; p < pattern.length() && at < text.length(); p++) {
                while (at < text.length() && isSpace(text.charAt(at))) {
                    at++;
                }
                if (at >= text.length()) {
                    break;
                }
                char c = pattern.charAt(p);
                if (c == '%' && p + 1 < pattern.length()) {
                    if (!field(pattern.charAt(++p))) {
                        return -1;
                    }
                } else if (!isSpace(c)) {
                    if (text.charAt(at) != c) {
                        return -1;
                    }
                    at++;
                }
            }
            return at;
        }

        private boolean field(char specifier) {
            Fields f = fields;
            switch (specifier) {
                case 'Y' -> {
                    int start = at;
                    f.year = number(4);
                    if (at - start <= 2 && f.year >= 0) {
                        f.year = twoDigitYear(f.year);
                    }
                    return f.year >= 0;
                }
                case 'y' -> {
                    f.year = number(2);
                    f.year = f.year < 0 ? -1 : twoDigitYear(f.year);
                    return f.year >= 0;
                }
                case 'm', 'c' -> { return (f.month = number(2)) >= 0; }
                case 'M' -> { return (f.month = word(DateFormat.MONTH_NAMES)) > 0; }
                case 'b' -> { return (f.month = word(ABBREVIATED_MONTHS)) > 0; }
                case 'd', 'e' -> { return (f.day = number(2)) >= 0; }
                case 'D' -> {
                    f.day = number(2);
                    at = Math.min(text.length(), at + 2); // the suffix: st, nd, rd, th
                    return f.day >= 0;
                }
                case 'h', 'I', 'l' -> {
                    f.twelveHour = true;
                    return (f.hour = number(2)) >= 0;
                }
                case 'k', 'H' -> { return (f.hour = number(2)) >= 0; }
                case 'i' -> { return (f.minute = number(2)) >= 0; }
                case 's', 'S' -> { return (f.second = number(2)) >= 0; }
                case 'f' -> { return fraction(); }
                case 'p' -> { return dayPart(); }
                case 'W' -> { return (f.weekday = word(DateFormat.DAY_NAMES)) > 0; }
                case 'a' -> { return (f.weekday = word(ABBREVIATED_DAYS)) > 0; }
                case 'w' -> {
                    int weekday = number(1);
                    f.weekday = weekday == 0 ? 7 : weekday;
                    f.sundayFirst = true;
                    return weekday >= 0 && weekday < 7;
                }
                case 'j' -> { return (f.yearDay = number(3)) >= 0; }
                case 'V', 'U', 'v', 'u' -> {
                    f.sundayFirst = specifier == 'U' || specifier == 'V';
                    f.strictWeek = specifier == 'V' || specifier == 'v';
                    f.weekNumber = number(2);
                    return f.weekNumber >= 0 && !(f.strictWeek && f.weekNumber == 0) && f.weekNumber <= 53;
                }
                case 'X', 'x' -> {
                    f.strictWeekYearSundayFirst = specifier == 'X';
                    return (f.strictWeekYear = number(4)) >= 0;
                }
                case 'r' -> { return match("%I:%i:%S %p") >= 0; }
                case 'T' -> { return match("%H:%i:%S") >= 0; }
                case '.' -> skipWhile(StrToDateFormat::isPunctuation);
                case '@' -> skipWhile(Character::isLetter);
                case '#' -> skipWhile(c -> c >= '0' && c <= '9');
                default -> { return false; }
            }
            return true;
        }

        /** Up to {@code width} digits after an optional sign; -1 when there is no digit (MySQL's my_strtoll10 error). */
        private int number(int width) {
            int end = Math.min(text.length(), at + width);
            int i = at;
            boolean negative = false;
            if (i < end && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
                negative = text.charAt(i) == '-';
                i++;
            }
            int digitsStart = i;
            int value = 0;
            while (i < end && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                value = value * 10 + (text.charAt(i) - '0');
                i++;
            }
            if (i == digitsStart) {
                return -1;
            }
            at = i;
            return negative && value != 0 ? -1 : value;
        }

        private boolean fraction() {
            int start = at;
            int value = number(6);
            if (value < 0) {
                return false;
            }
            int digits = at - start;
            for (int i = digits; i < 6; i++) {
                value *= 10;
            }
            fields.micros = value;
            return true;
        }

        private boolean dayPart() {
            if (text.length() - at < 2 || !fields.twelveHour) {
                return false;
            }
            String part = text.substring(at, at + 2);
            if (part.equalsIgnoreCase("PM")) {
                fields.dayPart = 12;
            } else if (!part.equalsIgnoreCase("AM")) {
                return false;
            }
            at += 2;
            return true;
        }

        /** The 1-based index of the one name the letters at the position begin (or equal), else 0. */
        private int word(String[] names) {
            int end = at;
            while (end < text.length() && Character.isLetter(text.charAt(end))) {
                end++;
            }
            String word = text.substring(at, end);
            if (word.isEmpty()) {
                return 0;
            }
            int found = 0;
            for (int i = 0; i < names.length; i++) {
                if (names[i].equalsIgnoreCase(word)) {
                    found = i + 1;
                    break;
                }
                if (names[i].regionMatches(true, 0, word, 0, word.length()) && word.length() <= names[i].length()) {
                    if (found != 0) {
                        return 0; // ambiguous prefix
                    }
                    found = i + 1;
                }
            }
            if (found > 0) {
                at = end;
            }
            return found;
        }

        private void skipWhile(java.util.function.IntPredicate predicate) {
            while (at < text.length() && predicate.test(text.charAt(at))) {
                at++;
            }
        }
    }

    /** 00-69 → 2000-2069, 70-99 → 1970-1999 (MySQL's year_2000_handling). */
    private static int twoDigitYear(int year) {
        return year < 70 ? year + 2000 : year < 100 ? year + 1900 : year;
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    private static boolean isPunctuation(int c) {
        return c < 128 && c > ' ' && !Character.isLetterOrDigit(c) && c != 127;
    }

    private static String[] abbreviations(String[] names) {
        String[] out = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            out[i] = names[i].substring(0, 3);
        }
        return out;
    }
}
