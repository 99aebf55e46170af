package io.strata.protocol.types;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/** MySQL's text forms of DATE, TIME and DATETIME: fractional seconds only for fsp > 0, cut to fsp digits. */
public final class TemporalText {
    private TemporalText() {}

    public static String date(LocalDate date) {
        StringBuilder text = new StringBuilder(10);
        appendDate(text, date);
        return text.toString();
    }

    public static String time(LocalTime time, int fractionalDigits) {
        StringBuilder text = new StringBuilder(15);
        appendTime(text, time, fractionalDigits);
        return text.toString();
    }

    public static String dateTime(LocalDateTime dateTime, int fractionalDigits) {
        StringBuilder text = new StringBuilder(26);
        appendDate(text, dateTime.toLocalDate());
        text.append(' ');
        appendTime(text, dateTime.toLocalTime(), fractionalDigits);
        return text.toString();
    }

    private static void appendDate(StringBuilder text, LocalDate date) {
        pad(text, date.getYear(), 4).append('-');
        pad(text, date.getMonthValue(), 2).append('-');
        pad(text, date.getDayOfMonth(), 2);
    }

    private static void appendTime(StringBuilder text, LocalTime time, int fractionalDigits) {
        pad(text, time.getHour(), 2).append(':');
        pad(text, time.getMinute(), 2).append(':');
        pad(text, time.getSecond(), 2);
        int digits = Math.min(fractionalDigits, 6);
        if (digits > 0) {
            String micros = String.format("%06d", time.getNano() / 1000);
            text.append('.').append(micros, 0, digits);
        }
    }

    private static StringBuilder pad(StringBuilder text, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        return text.append(digits);
    }
}
