package io.strata.compute.expression;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * MySQL's names of time zones, for the time_zone variable and CONVERT_TZ: {@code SYSTEM} (the server's
 * zone), an offset {@code +hh:mm} / {@code -hh:mm} from -13:59 to +14:00, or a named zone (Europe/Paris,
 * UTC), which MySQL reads from its time zone tables and Strata from the JDK's, without regard to case.
 */
public final class TimeZones {
    private static final Pattern OFFSET = Pattern.compile("([+-])(\\d{1,2}):(\\d{2})");
    private static final int MAX_OFFSET_MINUTES = 14 * 60;
    private static final int MIN_OFFSET_MINUTES = -(13 * 60 + 59);
    private static final Map<String, String> NAMES = ZoneId.getAvailableZoneIds().stream()
            .collect(Collectors.toUnmodifiableMap(name -> name.toLowerCase(Locale.ROOT), name -> name, (a, b) -> a));

    private TimeZones() {}

    /** The zone {@code name} stands for, {@code system} for SYSTEM; null when MySQL would not know it. */
    public static ZoneId parse(String name, ZoneId system) {
        String trimmed = name.strip();
        if (trimmed.equalsIgnoreCase("SYSTEM")) {
            return system;
        }
        Matcher offset = OFFSET.matcher(trimmed);
        if (offset.matches()) {
            int minutes = Integer.parseInt(offset.group(3));
            int total = Integer.parseInt(offset.group(2)) * 60 + minutes;
            total = offset.group(1).equals("-") ? -total : total;
            if (minutes > 59 || total > MAX_OFFSET_MINUTES || total < MIN_OFFSET_MINUTES) {
                return null;
            }
            return ZoneOffset.ofTotalSeconds(total * 60);
        }
        String id = NAMES.get(trimmed.toLowerCase(Locale.ROOT));
        return id == null ? null : ZoneId.of(id);
    }
}
