package io.strata.compute.expression;

import java.time.LocalDate;

/**
 * MySQL's week numbering ({@code calc_week} in sql_time.cc), behind WEEK(d, mode), YEARWEEK, WEEKOFYEAR
 * and DATE_FORMAT's %U %u %V %v %X %x. A behaviour is a bit set: {@link #MONDAY_FIRST}, {@link #WEEK_YEAR}
 * (weeks before the first belong to the previous year's last week instead of week 0) and
 * {@link #FIRST_WEEKDAY} (week 1 is the one with the year's first first-day-of-week, instead of the
 * first with four or more days of the year).
 */
final class WeekNumbers {
    static final int MONDAY_FIRST = 1;
    static final int WEEK_YEAR = 2;
    static final int FIRST_WEEKDAY = 4;

    private WeekNumbers() {}

    /** The behaviour bits WEEK(d, mode) uses for a mode 0..7 (MySQL's {@code week_mode}). */
    static int behaviourOfMode(long mode) {
        int behaviour = (int) (mode & 7);
        if ((behaviour & MONDAY_FIRST) == 0) {
            behaviour ^= FIRST_WEEKDAY;
        }
        return behaviour;
    }

    /** The week and its year packed as {@code year * 100 + week} (YEARWEEK's value). */
    static long yearAndWeek(LocalDate date, int behaviour) {
        boolean mondayFirst = (behaviour & MONDAY_FIRST) != 0;
        boolean weekYear = (behaviour & WEEK_YEAR) != 0;
        boolean firstWeekday = (behaviour & FIRST_WEEKDAY) != 0;
        int year = date.getYear();
        long dayNumber = date.toEpochDay();
        long firstDayNumber = LocalDate.of(year, 1, 1).toEpochDay();
        int weekday = weekday(firstDayNumber, mondayFirst);
        if (date.getMonthValue() == 1 && date.getDayOfMonth() <= 7 - weekday) {
            if (!weekYear && (firstWeekday && weekday != 0 || !firstWeekday && weekday >= 4)) {
                return year * 100L;
            }
            weekYear = true;
            year--;
            int days = LocalDate.of(year, 1, 1).lengthOfYear();
            firstDayNumber -= days;
            weekday = (weekday + 53 * 7 - days) % 7;
        }
        long days;
        if (firstWeekday && weekday != 0 || !firstWeekday && weekday >= 4) {
            days = dayNumber - (firstDayNumber + (7 - weekday));
        } else {
            days = dayNumber - (firstDayNumber - weekday);
        }
        if (weekYear && days >= 52 * 7) {
            weekday = (weekday + LocalDate.of(year, 1, 1).lengthOfYear()) % 7;
            if (!firstWeekday && weekday < 4 || firstWeekday && weekday == 0) {
                return (year + 1) * 100L + 1;
            }
        }
        return year * 100L + days / 7 + 1;
    }

    static int week(LocalDate date, int behaviour) {
        return (int) (yearAndWeek(date, behaviour) % 100);
    }

    /** 0 for the first day of the week (Monday or Sunday) ... 6. */
    private static int weekday(long epochDay, boolean mondayFirst) {
        int isoDay = LocalDate.ofEpochDay(epochDay).getDayOfWeek().getValue(); // 1 = Monday ... 7 = Sunday
        return mondayFirst ? isoDay - 1 : isoDay % 7;
    }
}
