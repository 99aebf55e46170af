package io.strata.compute.expression;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.type.DataType;
import io.strata.common.type.TypeKind;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL 8's regular expression functions; positions count characters from 1, any NULL argument gives
 * NULL. Matching is case-insensitive unless a string is binary or the match type says 'c'.
 * <ul>
 *   <li>REGEXP_LIKE(s, p[, match_type]) (also {@code s REGEXP p}, {@code s RLIKE p}): 1 or 0.</li>
 *   <li>REGEXP_INSTR(s, p[, pos[, occurrence[, return_option[, match_type]]]]): where the occurrence-th
 *       match from pos starts (return_option 0) or ends (1); 0 if there is none.</li>
 *   <li>REGEXP_SUBSTR(s, p[, pos[, occurrence[, match_type]]]): that match, NULL if there is none.</li>
 *   <li>REGEXP_REPLACE(s, p, r[, pos[, occurrence[, match_type]]]): s with the occurrence-th match from pos
 *       (0, the default: every match) replaced by r, where {@code $n} is group n.</li>
 * </ul>
 */
final class RegexpFunctions {
    private RegexpFunctions() {}

    static Column apply(ScalarFunction function, Column[] arguments, DataType type, int size, RegexPatterns patterns) {
        Arguments a = new Arguments(function, arguments);
        Column out = Column.allocate(type, size);
        for (int i = 0; i < size; i++) {
            if (NullArguments.any(a.all, i)) {
                out.nulls()[i] = true;
                continue;
            }
            String matchType = a.matchType == null ? null : (String) a.matchType.objects()[i];
            Pattern pattern = patterns.compile((String) a.pattern.objects()[i], matchType, a.binary, a.name);
            String subject = (String) a.subject.objects()[i];
            try {
                out.set(i, switch (function) {
                    case REGEXP_LIKE -> pattern.matcher(subject).find() ? 1L : 0L;
                    case REGEXP_INSTR -> instr(pattern, subject, a.number(a.position, i, 1), a.number(a.occurrence, i, 1),
                            a.number(a.returnOption, i, 0), a.name);
                    case REGEXP_SUBSTR -> substr(pattern, subject, a.number(a.position, i, 1), a.number(a.occurrence, i, 1),
                            a.name);
                    case REGEXP_REPLACE -> replace(pattern, subject, (String) a.replacement.objects()[i],
                            a.number(a.position, i, 1), a.number(a.occurrence, i, 0), a.name);
                    default -> throw new IllegalArgumentException("not a regexp function: " + function);
                });
            } catch (StackOverflowError e) {
                throw StrataException.of(ErrorCode.ER_REGEXP_STACK_OVERFLOW,
                        "Overflow in the regular expression backtrack stack.");
            }
        }
        return out;
    }

    /** The argument columns of one call, strings as text and numbers as BIGINTs. */
    private static final class Arguments {
        final String name;
        final Column subject;
        final Column pattern;
        final Column replacement;
        final Column position;
        final Column occurrence;
        final Column returnOption;
        final Column matchType;
        final Column[] all;
        final boolean binary;

        Arguments(ScalarFunction function, Column[] arguments) {
            name = function.name().toLowerCase(Locale.ROOT);
            binary = isBinary(arguments[0]) || isBinary(arguments[1]);
            subject = text(arguments[0]);
            pattern = text(arguments[1]);
            int next = 2;
            replacement = function == ScalarFunction.REGEXP_REPLACE ? text(arguments[next++]) : null;
            boolean positional = function != ScalarFunction.REGEXP_LIKE;
            position = positional ? number(arguments, next++) : null;
            occurrence = positional ? number(arguments, next++) : null;
            returnOption = function == ScalarFunction.REGEXP_INSTR ? number(arguments, next++) : null;
            matchType = next < arguments.length ? text(arguments[next]) : null;
            all = java.util.Arrays.stream(new Column[] {subject, pattern, replacement, position, occurrence, returnOption,
                matchType}).filter(java.util.Objects::nonNull).toArray(Column[]::new);
        }

        long number(Column column, int row, long absent) {
            return column == null ? absent : column.longs()[row];
        }

        private static Column number(Column[] arguments, int index) {
            return index < arguments.length ? ColumnCaster.cast(arguments[index], DataType.BIGINT) : null;
        }
    }

    private static boolean isBinary(Column column) {
        return column.type().kind() == TypeKind.VARBINARY || column.type().kind() == TypeKind.BLOB;
    }

    private static Column text(Column column) {
        return column.type().kind().isString() ? column : ColumnCaster.cast(column, DataType.TEXT);
    }

    /** The char index where the search starts: position 1 is the first character, length + 1 the end. */
    private static int start(String subject, long position, String function) {
        if (position < 1) {
            throw StrataException.of(ErrorCode.ER_WRONG_PARAMETERS_TO_NATIVE_FCT,
                    "Incorrect parameters in the call to native function '%s'", function);
        }
        int characters = subject.codePointCount(0, subject.length());
        if (position > characters + 1L) {
            throw StrataException.of(ErrorCode.ER_REGEXP_INDEX_OUTOFBOUNDS_ERROR, "Index out of bounds in regular expression search.");
        }
        return subject.offsetByCodePoints(0, (int) position - 1);
    }

    /** The matcher positioned on the occurrence-th match from {@code from} (an occurrence below 1 counts as 1), or null. */
    private static Matcher find(Pattern pattern, String subject, int from, long occurrence) {
        Matcher matcher = pattern.matcher(subject);
        if (!matcher.find(from)) {
            return null;
        }
        for (long n = 1; n < occurrence; n++) {
            if (!matcher.find()) {
                return null;
            }
        }
        return matcher;
    }

    private static long instr(Pattern pattern, String subject, long position, long occurrence, long returnOption,
                              String function) {
        if (returnOption != 0 && returnOption != 1) {
            throw StrataException.of(ErrorCode.ER_WRONG_ARGUMENTS, "Incorrect arguments to %s", function);
        }
        Matcher matcher = find(pattern, subject, start(subject, position, function), occurrence);
        if (matcher == null) {
            return 0;
        }
        int at = returnOption == 0 ? matcher.start() : matcher.end();
        return subject.codePointCount(0, at) + 1L;
    }

    private static String substr(Pattern pattern, String subject, long position, long occurrence, String function) {
        Matcher matcher = find(pattern, subject, start(subject, position, function), occurrence);
        return matcher == null ? null : matcher.group();
    }

    private static String replace(Pattern pattern, String subject, String replacement, long position, long occurrence,
                                  String function) {
        Matcher matcher = pattern.matcher(subject);
        // The text before the position is kept; lookarounds still see it, and ^ still means the start.
        matcher.region(start(subject, position, function), subject.length());
        matcher.useTransparentBounds(true).useAnchoringBounds(false);
        StringBuilder out = new StringBuilder(subject.length());
        long seen = 0;
        try {
            while (matcher.find()) {
                seen++;
                if (occurrence == 0 || seen == occurrence) {
                    matcher.appendReplacement(out, replacement);
                    if (occurrence != 0) {
                        break;
                    }
                }
            }
        } catch (IndexOutOfBoundsException e) {
            throw StrataException.of(ErrorCode.ER_REGEXP_INDEX_OUTOFBOUNDS_ERROR, "Index out of bounds in regular expression search.");
        } catch (IllegalArgumentException e) {
            throw StrataException.of(ErrorCode.ER_REGEXP_ILLEGAL_ARGUMENT, "Illegal argument to a regular expression.");
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
