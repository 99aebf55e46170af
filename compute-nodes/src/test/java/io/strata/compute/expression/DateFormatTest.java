package io.strata.compute.expression;

import io.strata.common.type.ArrowValues;
import io.strata.common.type.DataType;
import io.strata.common.type.TypeKind;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** DATE_FORMAT's specifiers and MySQL's week numbering; expected values are MySQL 8's. */
class DateFormatTest {
    private static String format(String pattern, LocalDateTime value) {
        return new DateFormat(pattern).apply(ArrowValues.dateTimeToMicros(value));
    }

    @Test
    void everySpecifierPrintsAsMysqlDoes() {
        LocalDateTime value = LocalDateTime.of(2024, 3, 2, 15, 4, 5, 123_456_000);
        assertEquals("2024 24 03 3 02 2 2nd", format("%Y %y %m %c %d %e %D", value));
        assertEquals("15 15 03 03 3 04 05 05 123456 PM", format("%H %k %h %I %l %i %s %S %f %p", value));
        assertEquals("Saturday Sat March Mar 062 6", format("%W %a %M %b %j %w", value));
        assertEquals("15:04:05 03:04:05 PM %", format("%T %r %%", value));
        assertEquals("literal q and end %", format("literal %q and end %", value));
    }

    @Test
    void midnightAndNoonOnTheTwelveHourClock() {
        assertEquals("12 AM 12:00:00 AM 0", format("%h %p %r %k", LocalDateTime.of(2024, 1, 1, 0, 0)));
        assertEquals("12 PM 12:30:00 PM", format("%l %p %r", LocalDateTime.of(2024, 1, 1, 12, 30)));
    }

    @Test
    void ordinalSuffixes() {
        assertEquals("1st 2nd 3rd 4th 11th 12th 13th 21st 22nd 23rd 31st",
                String.join(" ", java.util.stream.IntStream.of(1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 31)
                        .mapToObj(d -> d + DateFormat.ordinalSuffix(d)).toList()));
    }

    @Test
    void weekSpecifiersAroundNewYear() {
        // 2021-01-01 is a Friday: week 0 in the %U/%u counting, week 53 of 2020 in the %V/%v one
        LocalDateTime newYear = LocalDateTime.of(2021, 1, 1, 0, 0);
        assertEquals("00 00 52 53 2020 2020", format("%U %u %V %v %X %x", newYear));
        // 2024-12-30 is a Monday: ISO week 1 of 2025
        assertEquals("52 53 52 01 2024 2025", format("%U %u %V %v %X %x", LocalDateTime.of(2024, 12, 30, 0, 0)));
    }

    @Test
    void weekModesMatchMysqlsTable() {
        LocalDate date = LocalDate.of(2008, 2, 20);
        int[] expected = {7, 8, 7, 8, 8, 7, 8, 7}; // SELECT WEEK('2008-02-20', 0..7)
        for (int mode = 0; mode < 8; mode++) {
            assertEquals(expected[mode], WeekNumbers.week(date, WeekNumbers.behaviourOfMode(mode)), "mode " + mode);
        }
        assertEquals(0, WeekNumbers.week(LocalDate.of(2000, 1, 1), WeekNumbers.behaviourOfMode(0)));
        assertEquals(52, WeekNumbers.week(LocalDate.of(2000, 1, 1), WeekNumbers.behaviourOfMode(2)));
        assertEquals(199952, WeekNumbers.yearAndWeek(LocalDate.of(2000, 1, 1), WeekNumbers.behaviourOfMode(0) | WeekNumbers.WEEK_YEAR));
    }

    @Test
    void strToDateResultTypeFollowsTheFormatsParts() {
        assertEquals(DataType.DATE, StrToDateFormat.resultType("%Y-%m-%d"));
        assertEquals(DataType.datetime(0), StrToDateFormat.resultType("%Y-%m-%d %H:%i"));
        assertEquals(DataType.datetime(6), StrToDateFormat.resultType("%d/%m/%Y %T.%f"));
        assertEquals(new DataType(TypeKind.TIME, 0, 0), StrToDateFormat.resultType("%h:%i %p"));
    }

    private static String parse(String text, String format) {
        StrToDateFormat parser = new StrToDateFormat(format);
        long value = parser.parse(text);
        if (value == StrToDateFormat.NO_MATCH) {
            return null;
        }
        return switch (parser.resultType().kind()) {
            case DATE -> ValueFormatter.formatDate(value);
            case TIME -> ValueFormatter.formatTime(value, parser.resultType().precision());
            default -> ValueFormatter.formatDateTime(value, parser.resultType().precision());
        };
    }

    @Test
    void strToDateReadsNumbersNamesAndTwelveHourTimes() {
        assertEquals("2013-05-01", parse("May 1, 2013", "%M %d,%Y"));
        assertEquals("2013-05-01 10:11:12", parse("01,5,2013 10:11:12", "%d,%m,%Y %H:%i:%s"));
        assertEquals("2009-12-31 23:15:00", parse("31/dec/09 11:15 pm", "%d/%b/%y %h:%i %p"));
        assertEquals("09:30:17", parse("9:30:17", "%H:%i:%s"));
        assertEquals("2024-07-04", parse("Thursday 4th July 2024", "%W %D %M %Y"));
        assertEquals("2024-02-01 00:00:00.250000", parse("2024-02-01 00:00:00.25", "%Y-%m-%d %T.%f"));
        assertEquals("2024-02-29", parse("2024 060", "%Y %j"));
        assertEquals("2004-10-18", parse("200442 Monday", "%X%V %W")); // the manual's example
    }

    @Test
    void strToDateSkipsSpacesAndIgnoresTrailingText() {
        assertEquals("2024-01-05", parse("  2024 - 01 -05", "%Y-%m-%d"));
        assertEquals("2024-01-05", parse("2024-01-05 and more", "%Y-%m-%d"));
        assertEquals("2024-01-05", parse("2024.01/05", "%Y%.%m%.%d"));
    }

    @Test
    void strToDateRejectsWhatMysqlRejects() {
        assertEquals(null, parse("2024/01/05", "%Y-%m-%d"));      // literal mismatch
        assertEquals(null, parse("2023-02-30", "%Y-%m-%d"));      // no such day
        assertEquals(null, parse("2024", "%Y-%m-%d"));            // month and day zero
        assertEquals(null, parse("13:00 PM", "%h:%i %p"));        // 12-hour clock past 12
        assertEquals(null, parse("10:00 XM", "%h:%i %p"));
        assertEquals(null, parse("Ju 4 2024", "%b %d %Y"));       // ambiguous month prefix
        assertEquals(null, parse("2024-01-05 x", "%Y-%m-%d %Q")); // unknown specifier, once reached
        assertEquals("2024-01-05", parse("2024-01-05", "%Y-%m-%d %Q")); // the text ended before it
    }
}
