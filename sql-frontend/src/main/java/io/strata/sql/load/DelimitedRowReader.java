package io.strata.sql.load;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;

import java.io.IOException;
import java.io.InputStream;

/**
 * Cuts a LOAD DATA file into rows of fields as MySQL's READ_INFO does (MySQL 8.0 manual, 15.2.9 "Field and
 * Line Handling"), reading the stream in chunks so that a file of any size passes through a bounded buffer:
 * a row ends at the line terminator, fields at the field terminator; with ENCLOSED BY, a field that starts
 * with the enclosing character runs to the next one followed by a terminator, a doubled one standing for
 * itself; the escape character makes the next byte literal ({@code \0 \b \n \r \t \Z} are NUL, backspace,
 * newline, return, tab and Ctrl-Z), a field that is exactly {@code \N} is NULL, and so is an unenclosed
 * {@code NULL} when ENCLOSED BY is set. With LINES STARTING BY, everything up to the prefix is skipped.
 */
public final class DelimitedRowReader {
    private static final int BUFFER_BYTES = 256 * 1024;
    private enum End { FIELD, LINE, FILE }

    private final InputStream in;
    private final LoadFormat format;
    private final byte[] fieldTerminator;
    private final byte[] lineTerminator;
    private final int enclosedBy;
    private final int escapedBy;
    private byte[] buffer = new byte[BUFFER_BYTES];
    private int position;
    private int limit;
    private boolean endOfInput;
    private long bytesRead;

    public DelimitedRowReader(InputStream in, LoadFormat format) {
        this.in = java.util.Objects.requireNonNull(in, "in");
        this.format = java.util.Objects.requireNonNull(format, "format");
        this.fieldTerminator = format.fieldTerminator();
        this.lineTerminator = format.lineTerminator();
        this.enclosedBy = format.enclosedBy();
        this.escapedBy = format.escapedBy();
    }

    /** Bytes taken from the stream so far. */
    public long bytesRead() { return bytesRead; }

    /** Reads the next row into {@code row}; false, leaving it empty, at the end of the input. */
    public boolean next(FieldRow row) {
        row.clear();
        if (!skipToRowStart()) {
            return false;
        }
        End end;
        do {
            row.startField();
            end = enclosedBy >= 0 && available(1) && (buffer[position] & 0xFF) == enclosedBy
                    ? readEnclosedField(row) : readPlainField(row);
        } while (end == End.FIELD);
        return true;
    }

    /** Skips up to and past the line prefix; false at the end of the input. */
    private boolean skipToRowStart() {
        byte[] prefix = format.linePrefix();
        if (prefix.length == 0) {
            return available(1);
        }
        while (available(prefix.length)) {
            if (matchesAt(prefix)) {
                position += prefix.length;
                return true;
            }
            position++;
        }
        position = limit; // what is left cannot hold the prefix
        return false;
    }

    private End readPlainField(FieldRow row) {
        boolean escapedNull = false;
        while (true) {
            if (position >= limit && !fill()) {
                finishPlain(row, escapedNull);
                return End.FILE;
            }
            int b = buffer[position] & 0xFF;
            if (b == escapedBy) {
                position++;
                if (!available(1)) {
                    row.append(b);
                    continue;
                }
                int escaped = buffer[position++] & 0xFF;
                if (escaped == 'N' && row.currentFieldLength() == 0) {
                    escapedNull = true;
                    row.append('N');
                } else {
                    escapedNull = false;
                    row.append(unescape(escaped));
                }
                continue;
            }
            if (b == (fieldTerminator[0] & 0xFF) && available(fieldTerminator.length) && matchesAt(fieldTerminator)) {
                position += fieldTerminator.length;
                finishPlain(row, escapedNull);
                return End.FIELD;
            }
            if (b == (lineTerminator[0] & 0xFF) && available(lineTerminator.length) && matchesAt(lineTerminator)) {
                position += lineTerminator.length;
                finishPlain(row, escapedNull);
                return End.LINE;
            }
            int run = plainRun();
            row.append(buffer, position, position + run);
            position += run;
            escapedNull = false;
        }
    }

    /** How many bytes from the current one on hold no escape or terminator start (at least 1). */
    private int plainRun() {
        int first = position;
        int end = position + 1;
        int fieldStart = fieldTerminator[0] & 0xFF;
        int lineStart = lineTerminator[0] & 0xFF;
        while (end < limit) {
            int b = buffer[end] & 0xFF;
            if (b == fieldStart || b == lineStart || b == escapedBy) {
                break;
            }
            end++;
        }
        return end - first;
    }

    private void finishPlain(FieldRow row, boolean escapedNull) {
        if ((escapedNull && row.currentFieldLength() == 1) || (enclosedBy >= 0 && row.currentFieldIs("NULL"))) {
            row.markCurrentNull();
        }
    }

    private End readEnclosedField(FieldRow row) {
        position++; // the opening enclosing character
        while (true) {
            if (position >= limit && !fill()) {
                return End.FILE; // unterminated: the field runs to the end, as in MySQL
            }
            int b = buffer[position++] & 0xFF;
            if (b == escapedBy && escapedBy != enclosedBy) {
                row.append(available(1) ? unescape(buffer[position++] & 0xFF) : b);
                continue;
            }
            if (b != enclosedBy) {
                row.append(b);
                continue;
            }
            if (available(1) && (buffer[position] & 0xFF) == enclosedBy) {
                row.append(b); // doubled: one enclosing character
                position++;
                continue;
            }
            if (!available(1)) {
                return End.FILE;
            }
            if (available(fieldTerminator.length) && matchesAt(fieldTerminator)) {
                position += fieldTerminator.length;
                return End.FIELD;
            }
            if (available(lineTerminator.length) && matchesAt(lineTerminator)) {
                position += lineTerminator.length;
                return End.LINE;
            }
            row.append(b); // an enclosing character inside the field: data
        }
    }

    private static int unescape(int escaped) {
        return switch (escaped) {
            case '0' -> 0;
            case 'b' -> '\b';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'Z' -> 26;
            default -> escaped;
        };
    }

    private boolean matchesAt(byte[] pattern) {
        for (int i = 0; i < pattern.length; i++) {
            if (buffer[position + i] != pattern[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code count} bytes from the position are in the buffer, reading more if needed. */
    private boolean available(int count) {
        while (limit - position < count) {
            if (!fill()) {
                return false;
            }
        }
        return true;
    }

    /** Reads more input behind what is left; false when the input has ended. */
    private boolean fill() {
        if (endOfInput) {
            return false;
        }
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        if (limit == buffer.length) {
            buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2); // a terminator longer than the buffer
        }
        try {
            int read = in.read(buffer, limit, buffer.length - limit);
            if (read < 0) {
                endOfInput = true;
                return false;
            }
            limit += read;
            bytesRead += read;
            return true;
        } catch (IOException e) {
            throw new StrataException(ErrorCode.ER_TEXTFILE_NOT_READABLE,
                    "Error reading the LOAD DATA file: " + e.getMessage(), e);
        }
    }
}
