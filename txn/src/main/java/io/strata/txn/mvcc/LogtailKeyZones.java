package io.strata.txn.mvcc;

import org.apache.arrow.vector.BaseIntVector;

import java.util.Arrays;
import java.util.List;

/**
 * The least and greatest primary key of each logtail segment of a table version, in primitive arrays by
 * segment position, for tables keyed by one integer column. A range scan over the key skips the segments
 * outside its range with two array reads each, where a segment's zone maps cost several dependent loads:
 * a write load keeps about a thousand small segments per table, and every range scan passes them all.
 * Built once per segment as it is appended (versions share nothing mutable).
 */
public final class LogtailKeyZones {
    /** For tables without an integer key, or versions not built by {@link TableData}: prunes nothing. */
    static final LogtailKeyZones NONE = new LogtailKeyZones(-1, new long[0], new long[0]);
    private final int column;
    private final long[] mins; // an empty segment: Long.MAX_VALUE (above its max: excluded from every range)
    private final long[] maxs; // an empty segment: Long.MIN_VALUE

    private LogtailKeyZones(int column, long[] mins, long[] maxs) {
        this.column = column;
        this.mins = mins;
        this.maxs = maxs;
    }

    /** The zones of {@code logtail}'s segments over the integer key {@code column}, or {@link #NONE} if it is -1. */
    static LogtailKeyZones of(int column, List<LogtailSegment> logtail) {
        if (column < 0) {
            return NONE;
        }
        long[] mins = new long[logtail.size()];
        long[] maxs = new long[logtail.size()];
        for (int i = 0; i < logtail.size(); i++) {
            fill(logtail.get(i), column, mins, maxs, i);
        }
        return new LogtailKeyZones(column, mins, maxs);
    }

    /** These zones and the next segment's. */
    LogtailKeyZones plus(LogtailSegment segment) {
        if (column < 0) {
            return NONE;
        }
        long[] nextMins = Arrays.copyOf(mins, mins.length + 1);
        long[] nextMaxs = Arrays.copyOf(maxs, maxs.length + 1);
        fill(segment, column, nextMins, nextMaxs, mins.length);
        return new LogtailKeyZones(column, nextMins, nextMaxs);
    }

    /** Whether these are the zones of {@code segments} segments over {@code keyColumn}. */
    boolean covers(int keyColumn, int segments) {
        return column == keyColumn && mins.length == segments;
    }

    /**
     * True only when segment {@code position} surely holds no key in {@code [lower, upper]} of column
     * {@code keyColumn}; false when these zones are not over that column.
     */
    boolean excludes(int keyColumn, int position, long lower, long upper) {
        return keyColumn == column && column >= 0 && position < mins.length
                && (maxs[position] < lower || mins[position] > upper || maxs[position] < mins[position]);
    }

    private static void fill(LogtailSegment segment, int column, long[] mins, long[] maxs, int position) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        if (segment.rows().getVector(column) instanceof BaseIntVector keys) {
            for (int row = 0; row < segment.rowCount(); row++) {
                if (keys.isNull(row)) {
                    min = Long.MIN_VALUE; // a key is never NULL; if one is, prune nothing
                    max = Long.MAX_VALUE;
                    break;
                }
                long key = keys.getValueAsLong(row);
                min = Math.min(min, key);
                max = Math.max(max, key);
            }
        } else {
            min = Long.MIN_VALUE;
            max = Long.MAX_VALUE;
        }
        mins[position] = min;
        maxs[position] = max;
    }
}
