package io.strata.tests.slt;

import io.strata.tests.slt.SltRecord.Condition;
import io.strata.tests.slt.SltRecord.SortMode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the sqllogictest format (SQLite's, plus error codes on {@code statement error}). Records
 * are separated by blank lines; {@code #} starts a comment line; {@code skipif}/{@code onlyif}
 * lines apply to the record that follows them.
 */
public final class SltParser {
    private final String fileName;
    private final List<String> lines;
    private int index;

    private SltParser(String fileName, List<String> lines) {
        this.fileName = fileName;
        this.lines = lines;
    }

    public static List<SltRecord> parse(Path file) throws IOException {
        return parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    public static List<SltRecord> parse(String fileName, List<String> lines) {
        return new SltParser(fileName, List.copyOf(lines)).records();
    }

    private List<SltRecord> records() {
        List<SltRecord> records = new ArrayList<>();
        List<Condition> conditions = new ArrayList<>();
        while (index < lines.size()) {
            String line = stripComment(lines.get(index));
            int lineNumber = index + 1;
            index++;
            if (line.isBlank()) {
                continue;
            }
            String[] words = line.trim().split("\\s+");
            switch (words[0]) {
                case "skipif", "onlyif" -> {
                    require(words.length >= 2, lineNumber, words[0] + " needs an engine name");
                    conditions.add(new Condition(words[0].equals("skipif"), words[1].toLowerCase(Locale.ROOT)));
                    continue;
                }
                case "statement" -> records.add(statement(words, lineNumber, conditions));
                case "query" -> records.add(query(words, lineNumber, conditions));
                case "hash-threshold" -> {
                    require(words.length == 2 && words[1].matches("\\d+"), lineNumber, "hash-threshold needs a number");
                    records.add(new SltRecord.HashThreshold(lineNumber, conditions, Integer.parseInt(words[1])));
                }
                case "halt" -> records.add(new SltRecord.Halt(lineNumber, conditions));
                default -> throw new IllegalArgumentException(fileName + ":" + lineNumber + ": unknown record '" + words[0] + "'");
            }
            conditions = new ArrayList<>();
        }
        return records;
    }

    private SltRecord statement(String[] words, int lineNumber, List<Condition> conditions) {
        require(words.length >= 2 && (words[1].equals("ok") || words[1].equals("error")), lineNumber,
                "expected 'statement ok' or 'statement error'");
        boolean expectError = words[1].equals("error");
        require(expectError || words.length == 2, lineNumber, "'statement ok' takes no arguments");
        Integer code = null;
        String sqlState = null;
        int fragmentStart = 2;
        if (words.length > 2 && words[2].matches("\\d+(/[0-9A-Z]{5})?")) {
            String[] parts = words[2].split("/");
            code = Integer.parseInt(parts[0]);
            sqlState = parts.length > 1 ? parts[1] : null;
            fragmentStart = 3;
        }
        String fragment = words.length > fragmentStart ? restOfLine(lines.get(lineNumber - 1), fragmentStart) : null;
        String sql = sqlUntil();
        if (index < lines.size() && lines.get(index).equals("----")) {
            index++;
            List<String> message = blockUntilBlank();
            require(fragment == null, lineNumber, "error message given twice");
            fragment = message.isEmpty() ? null : String.join("\n", message);
        }
        require(!sql.isEmpty(), lineNumber, "statement without SQL");
        return new SltRecord.Statement(lineNumber, conditions, sql, expectError, code, sqlState, fragment);
    }

    private SltRecord query(String[] words, int lineNumber, List<Condition> conditions) {
        require(words.length >= 2 && words[1].matches("[ITR]+"), lineNumber, "query needs column types (letters I, T, R)");
        SortMode sortMode = SortMode.NOSORT;
        String label = null;
        if (words.length > 2) {
            sortMode = switch (words[2]) {
                case "nosort" -> SortMode.NOSORT;
                case "rowsort" -> SortMode.ROWSORT;
                case "valuesort" -> SortMode.VALUESORT;
                default -> throw new IllegalArgumentException(fileName + ":" + lineNumber + ": unknown sort mode '" + words[2] + "'");
            };
        }
        if (words.length > 3) {
            label = words[3];
        }
        String sql = sqlUntil();
        require(!sql.isEmpty(), lineNumber, "query without SQL");
        List<String> expected = List.of();
        if (index < lines.size() && lines.get(index).equals("----")) {
            index++;
            expected = blockUntilBlank();
        }
        return new SltRecord.Query(lineNumber, conditions, words[1], sortMode, label, sql, expected);
    }

    /** SQL lines up to a blank line (or, for queries and error statements, the "----" separator). */
    private String sqlUntil() {
        List<String> sql = new ArrayList<>();
        while (index < lines.size() && !lines.get(index).isBlank() && !lines.get(index).equals("----")) {
            sql.add(lines.get(index));
            index++;
        }
        String text = String.join("\n", sql).strip();
        while (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).stripTrailing();
        }
        return text;
    }

    private List<String> blockUntilBlank() {
        List<String> block = new ArrayList<>();
        while (index < lines.size() && !lines.get(index).isBlank()) {
            block.add(lines.get(index).stripTrailing());
            index++;
        }
        return block;
    }

    private static String stripComment(String line) {
        return line.stripLeading().startsWith("#") ? "" : line;
    }

    private static String restOfLine(String line, int wordsToSkip) {
        Matcher words = Pattern.compile("^\\s*(\\S+\\s+){" + wordsToSkip + "}").matcher(line);
        return words.find() ? line.substring(words.end()).strip() : "";
    }

    private void require(boolean condition, int lineNumber, String message) {
        if (!condition) {
            throw new IllegalArgumentException(fileName + ":" + lineNumber + ": " + message);
        }
    }
}
