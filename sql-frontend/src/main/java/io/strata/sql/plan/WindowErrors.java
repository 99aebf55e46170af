package io.strata.sql.plan;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL's errors for invalid windows and frames (its window.cc checks, with its messages), and the same
 * errors for what Calcite's validator refuses first, recognised by Calcite's messages. Windows written
 * inline are named {@code <unnamed window>}, as MySQL names them.
 */
final class WindowErrors {
    static final String UNNAMED = "<unnamed window>";
    private static final Pattern WINDOW_NOT_FOUND = Pattern.compile("Window '([^']*)' not found");

    private WindowErrors() {}

    static StrataException frameIllegal() {
        return StrataException.of(ErrorCode.ER_WINDOW_FRAME_ILLEGAL,
                "Window '%s': frame start or end is negative, NULL or of non-integral type", UNNAMED);
    }

    static StrataException rowsInterval() {
        return StrataException.of(ErrorCode.ER_WINDOW_ROWS_INTERVAL_USE, "Window '%s': INTERVAL can only be used with RANGE frames.",
                UNNAMED);
    }

    static StrataException rangeOrderType() {
        return StrataException.of(ErrorCode.ER_WINDOW_RANGE_FRAME_ORDER_TYPE, "Window '%s' with RANGE N PRECEDING/FOLLOWING "
                + "frame requires exactly one ORDER BY expression, of numeric or temporal type", UNNAMED);
    }

    static StrataException temporalKeyNeedsInterval() {
        return StrataException.of(ErrorCode.ER_WINDOW_RANGE_FRAME_TEMPORAL_TYPE, "Window '%s' with RANGE frame has ORDER BY "
                + "expression of datetime type. Only INTERVAL bound value allowed.", UNNAMED);
    }

    static StrataException numericKeyRefusesInterval() {
        return StrataException.of(ErrorCode.ER_WINDOW_RANGE_FRAME_NUMERIC_TYPE, "Window '%s' with RANGE frame has ORDER BY "
                + "expression of numeric type, INTERVAL bound value not allowed.", UNNAMED);
    }

    /** A function argument MySQL refuses (NTILE's bucket count, NTH_VALUE's n): 1210. */
    static StrataException incorrectArguments(String function) {
        return StrataException.of(ErrorCode.ER_WRONG_ARGUMENTS, "Incorrect arguments to %s", function.toLowerCase(Locale.ROOT));
    }

    /**
     * The MySQL error for Calcite's validation message about a window, or null if it is about something else.
     *
     * @param textAtError the statement's text from where Calcite places the error ("" if unknown)
     */
    static StrataException fromCalcite(String message, String textAtError) {
        boolean interval = textAtError.stripLeading().toUpperCase(Locale.ROOT).startsWith("INTERVAL");
        Matcher m = WINDOW_NOT_FOUND.matcher(message);
        if (m.find()) {
            return StrataException.of(ErrorCode.ER_WINDOW_NO_SUCH_WINDOW, "Window name '%s' is not defined.", m.group(1));
        }
        if (message.startsWith("Duplicate window names not allowed")) {
            return StrataException.of(ErrorCode.ER_WINDOW_DUPLICATE_NAME, "Window '%s' is defined twice.", firstWord(textAtError));
        }
        if (message.startsWith("UNBOUNDED FOLLOWING cannot be specified for the lower frame boundary")) {
            return StrataException.of(ErrorCode.ER_WINDOW_FRAME_START_ILLEGAL,
                    "Window '%s': frame start cannot be UNBOUNDED FOLLOWING.", UNNAMED);
        }
        if (message.startsWith("UNBOUNDED PRECEDING cannot be specified for the upper frame boundary")) {
            return StrataException.of(ErrorCode.ER_WINDOW_FRAME_END_ILLEGAL,
                    "Window '%s': frame end cannot be UNBOUNDED PRECEDING.", UNNAMED);
        }
        if (message.startsWith("Upper frame boundary cannot be")) { // a frame whose start is after the kind of its end
            return frameIllegal();
        }
        if (message.startsWith("ROWS value must be a non-negative integral constant")) {
            return interval ? rowsInterval() : frameIllegal();
        }
        if (message.startsWith("RANGE clause cannot be used with compound ORDER BY clause")
                || message.startsWith("Data type of ORDER BY prohibits use of RANGE clause")
                || message.startsWith("Window specification must contain an ORDER BY clause")) {
            return rangeOrderType();
        }
        if (message.startsWith("Window ORDER BY expression of type DATE requires range of type INTERVAL")) {
            return temporalKeyNeedsInterval();
        }
        if (message.startsWith("Data Type mismatch between ORDER BY and RANGE clause")) {
            return interval ? numericKeyRefusesInterval() : temporalKeyNeedsInterval();
        }
        return null;
    }

    private static String firstWord(String text) {
        Matcher m = Pattern.compile("[`\"]?([A-Za-z_0-9$]+)").matcher(text);
        return m.lookingAt() ? m.group(1) : UNNAMED;
    }
}
