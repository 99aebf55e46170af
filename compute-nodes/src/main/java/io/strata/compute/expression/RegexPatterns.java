package io.strata.compute.expression;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * MySQL 8 regular expressions on java.util.regex. One instance per call site of REGEXP / REGEXP_xxx:
 * it keeps the last pattern compiled, so a constant pattern is compiled once per evaluator, not per row
 * or batch. Not thread-safe (an evaluator is not either).
 *
 * <p>MySQL compiles patterns with ICU; differences kept here: ICU's POSIX classes such as {@code [[:alpha:]]}
 * are rewritten into Java's {@code \p{Alpha}} (Unicode-aware, as ICU's are) but ICU's set difference
 * {@code [a-z--[aeiou]]} is not understood; a back-reference to a group that does not exist ({@code \1}
 * with no group) fails to match instead of being error 3694; error messages for other syntax errors
 * carry Java's position, not ICU's; there is no regexp_time_limit (a runaway backtrack ends as error
 * 3698 when the stack runs out). Case-insensitive matching folds case only, as ICU does under
 * utf8mb4_0900_ai_ci: 'é' does not match 'e'.
 */
final class RegexPatterns {
    private String lastPattern;
    private String lastMatchType;
    private boolean lastCaseSensitive;
    private Pattern compiled;

    /**
     * The compiled pattern. {@code matchType} is MySQL's flag letters or null: c case-sensitive, i
     * case-insensitive (the later of the two wins), m multi-line, n '.' matches line ends, u Unix line
     * ends only. {@code caseSensitive} is the default the arguments' collation gives (binary strings).
     */
    Pattern compile(String pattern, String matchType, boolean caseSensitive, String functionName) {
        if (compiled != null && pattern.equals(lastPattern) && java.util.Objects.equals(matchType, lastMatchType)
                && caseSensitive == lastCaseSensitive) {
            return compiled;
        }
        int flags = flags(matchType, caseSensitive, functionName);
        if (pattern.isEmpty()) {
            throw StrataException.of(ErrorCode.ER_REGEXP_ILLEGAL_ARGUMENT, "Illegal argument to a regular expression.");
        }
        try {
            compiled = Pattern.compile(posixClasses(pattern), flags);
        } catch (PatternSyntaxException e) {
            throw syntaxError(e);
        }
        lastPattern = pattern;
        lastMatchType = matchType;
        lastCaseSensitive = caseSensitive;
        return compiled;
    }

    private static int flags(String matchType, boolean caseSensitive, String functionName) {
        boolean sensitive = caseSensitive;
        int flags = Pattern.UNICODE_CHARACTER_CLASS;
        if (matchType != null) {
            for (int i = 0; i < matchType.length(); i++) {
                switch (matchType.charAt(i)) {
                    case 'c' -> sensitive = true;
                    case 'i' -> sensitive = false;
                    case 'm' -> flags |= Pattern.MULTILINE;
                    case 'n' -> flags |= Pattern.DOTALL;
                    case 'u' -> flags |= Pattern.UNIX_LINES;
                    default -> throw StrataException.of(ErrorCode.ER_WRONG_ARGUMENTS, "Incorrect arguments to %s",
                            functionName);
                }
            }
        }
        return sensitive ? flags : flags | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    }

    /** {@code [:name:]} inside a bracket expression → {@code \p{Name}}; everything else as written. */
    static String posixClasses(String pattern) {
        if (!pattern.contains("[:")) {
            return pattern;
        }
        StringBuilder out = new StringBuilder(pattern.length() + 16);
        int depth = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                out.append(c).append(pattern.charAt(++i));
                continue;
            }
            if (depth > 0 && c == '[' && pattern.startsWith(":", i + 1)) {
                int end = pattern.indexOf(":]", i + 2);
                String java = end < 0 ? null : javaClass(pattern.substring(i + 2, end));
                if (java != null) {
                    out.append("\\p{").append(java).append('}');
                    i = end + 1;
                    continue;
                }
            }
            if (c == '[') {
                depth++;
            } else if (c == ']' && depth > 0) {
                depth--;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String javaClass(String posixName) {
        return switch (posixName) {
            case "alpha" -> "Alpha";
            case "digit" -> "Digit";
            case "alnum" -> "Alnum";
            case "upper" -> "Upper";
            case "lower" -> "Lower";
            case "space" -> "Space";
            case "punct" -> "Punct";
            case "xdigit" -> "XDigit";
            case "blank" -> "Blank";
            case "cntrl" -> "Cntrl";
            case "graph" -> "Graph";
            case "print" -> "Print";
            default -> null;
        };
    }

    /** Java's complaint as the MySQL error ICU's equivalent complaint gets. */
    private static StrataException syntaxError(PatternSyntaxException e) {
        String description = e.getDescription();
        if (description.startsWith("Unclosed group") || description.startsWith("Unmatched closing ')'")) {
            return StrataException.of(ErrorCode.ER_REGEXP_MISMATCHED_PAREN, "Mismatched parenthesis in regular expression.");
        }
        if (description.startsWith("Unclosed character class")) {
            return StrataException.of(ErrorCode.ER_REGEXP_MISSING_CLOSE_BRACKET,
                    "The regular expression contains an unclosed bracket expression.");
        }
        if (description.startsWith("Illegal character range")) {
            return StrataException.of(ErrorCode.ER_REGEXP_INVALID_RANGE, "Illegal character range in regular expression.");
        }
        if (description.startsWith("Illegal/unsupported escape") || description.startsWith("Unexpected internal error")) {
            return StrataException.of(ErrorCode.ER_REGEXP_BAD_ESCAPE_SEQUENCE, "Unrecognized escape sequence in regular expression.");
        }
        if (description.startsWith("Illegal repetition range")) {
            return StrataException.of(ErrorCode.ER_REGEXP_MAX_LT_MIN,
                    "The maximum is less than the minumum in a {min,max} interval.");
        }
        if (description.startsWith("Unclosed counted closure") || description.startsWith("Illegal repetition")) {
            return StrataException.of(ErrorCode.ER_REGEXP_BAD_INTERVAL, "Incorrect description of a {min,max} interval.");
        }
        int character = Math.max(e.getIndex(), 0) + 1;
        return StrataException.of(ErrorCode.ER_REGEXP_RULE_SYNTAX,
                "Syntax error in regular expression on line 1, character %d.", character);
    }
}
