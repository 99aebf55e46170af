package io.strata.compute.plan;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How far a RANGE frame's bound lies from the current row's order key: a number for a numeric key, or an
 * interval of months and microseconds for a temporal key (MySQL adds it as DATE_ADD would). Never negative.
 */
public record RangeOffset(BigDecimal number, long months, long micros) {
    public RangeOffset {
        if (number != null && number.signum() < 0 || months < 0 || micros < 0) {
            throw new IllegalArgumentException("negative RANGE offset " + number + " / " + months + "m " + micros + "us");
        }
    }

    public static RangeOffset number(BigDecimal number) {
        return new RangeOffset(Objects.requireNonNull(number, "number"), 0, 0);
    }

    public static RangeOffset interval(long months, long micros) {
        return new RangeOffset(null, months, micros);
    }

    public boolean isInterval() {
        return number == null;
    }

    @Override
    public String toString() {
        if (!isInterval()) {
            return number.toPlainString();
        }
        return months != 0 && micros == 0 ? "interval " + months + " month"
                : months == 0 && micros % 86_400_000_000L == 0 ? "interval " + micros / 86_400_000_000L + " day"
                : "interval " + months + " month " + micros + " microsecond";
    }
}
