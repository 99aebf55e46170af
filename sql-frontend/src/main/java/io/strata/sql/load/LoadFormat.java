package io.strata.sql.load;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.sql.parser.ast.SqlLoadData;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * How LOAD DATA cuts a file into rows and fields, as bytes of the file's character set. MySQL's defaults
 * (MySQL 8.0 manual, 15.2.9 "Field and Line Handling"): fields terminated by tab, not enclosed, escaped by
 * backslash; lines terminated by newline, with no prefix. {@code enclosedBy} and {@code escapedBy} are one
 * byte, or -1 when empty.
 */
public record LoadFormat(byte[] fieldTerminator, int enclosedBy, boolean optionallyEnclosed, int escapedBy,
                         byte[] linePrefix, byte[] lineTerminator, Charset charset) {
    public LoadFormat {
        if (fieldTerminator.length == 0) {
            // Fixed-width rows (FIELDS TERMINATED BY '' ENCLOSED BY '') are not read.
            throw StrataException.of(ErrorCode.ER_NOT_SUPPORTED_YET,
                    "This version of Strata doesn't yet support 'LOAD DATA with an empty FIELDS TERMINATED BY'");
        }
        if (lineTerminator.length == 0) {
            throw StrataException.of(ErrorCode.ER_NOT_SUPPORTED_YET,
                    "This version of Strata doesn't yet support 'LOAD DATA with an empty LINES TERMINATED BY'");
        }
    }

    /** The format a statement's FIELDS, LINES and CHARACTER SET clauses describe. */
    public static LoadFormat of(SqlLoadData.Format clauses, String characterSet) {
        Charset charset = charset(characterSet);
        return new LoadFormat(bytes(clauses.fieldsTerminatedBy(), "\t", charset),
                singleByte(clauses.enclosedBy(), "", charset), clauses.optionallyEnclosed(),
                singleByte(clauses.escapedBy(), "\\", charset), bytes(clauses.linesStartingBy(), "", charset),
                bytes(clauses.linesTerminatedBy(), "\n", charset), charset);
    }

    private static byte[] bytes(String given, String fallback, Charset charset) {
        return (given == null ? fallback : given).getBytes(charset);
    }

    /** ENCLOSED BY and ESCAPED BY take one character (MySQL: error 1083 otherwise). */
    private static int singleByte(String given, String fallback, Charset charset) {
        byte[] bytes = bytes(given, fallback, charset);
        if (bytes.length == 0) {
            return -1;
        }
        if (bytes.length > 1) {
            throw StrataException.of(ErrorCode.ER_WRONG_FIELD_TERMINATORS,
                    "Field separator argument is not what is expected; check the manual");
        }
        return bytes[0] & 0xFF;
    }

    /** The character sets a file may be read in; MySQL's default is the database's (utf8mb4 here). */
    static Charset charset(String name) {
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "utf8mb4", "utf8", "utf8mb3", "default" -> StandardCharsets.UTF_8;
            case "latin1" -> StandardCharsets.ISO_8859_1;
            case "ascii" -> StandardCharsets.US_ASCII;
            case "binary" -> StandardCharsets.ISO_8859_1;
            default -> throw StrataException.of(ErrorCode.ER_UNKNOWN_CHARACTER_SET, "Unknown character set: '%s'", name);
        };
    }
}
