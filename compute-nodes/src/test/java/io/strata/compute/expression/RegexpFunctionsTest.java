package io.strata.compute.expression;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.type.DataType;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The regular expression functions over columns, their pattern cache and MySQL's error codes. */
class RegexpFunctionsTest extends EvaluatorTestBase {
    private static final DataType BIN = new DataType(io.strata.common.type.TypeKind.VARBINARY, 10, 0);

    @Test
    void matchingIsCaseInsensitiveUnlessBinaryOrAskedFor() {
        Expr like = call(ScalarFunction.REGEXP_LIKE, DataType.BIGINT, col(0, S), lit("^AB", S));
        assertEquals(Arrays.asList(1L, 1L, 0L, null), eval(like, S, "abc", "ABC", "xab", null));
        Expr sensitive = call(ScalarFunction.REGEXP_LIKE, DataType.BIGINT, col(0, S), lit("^AB", S), lit("c", S));
        assertEquals(Arrays.asList(0L, 1L), eval(sensitive, S, "abc", "ABC"));
        Expr binary = call(ScalarFunction.REGEXP_LIKE, DataType.BIGINT, col(0, BIN), lit("^AB", S));
        assertEquals(Arrays.asList(0L, 1L), eval(binary, BIN, "abc".getBytes(), "ABC".getBytes()));
    }

    @Test
    void positionsCountCharactersNotUtf16Units() {
        Expr instr = call(ScalarFunction.REGEXP_INSTR, DataType.BIGINT, col(0, S), lit("b", S));
        assertEquals(Arrays.asList(3L, 2L), eval(instr, S, "😀ab", "ab"));
        Expr from = call(ScalarFunction.REGEXP_SUBSTR, S, col(0, S), lit("[a-z]", S), lit(3L, DataType.BIGINT));
        assertEquals(Arrays.asList("b", null), eval(from, S, "😀ab", "ab"));
    }

    @Test
    void replaceTheNthOccurrenceOrAllFromAPosition() {
        Expr all = call(ScalarFunction.REGEXP_REPLACE, S, col(0, S), lit("o", S), lit("0", S), lit(4L, DataType.BIGINT));
        assertEquals(Arrays.asList("foo b00 b0z"), eval(all, S, "foo boo boz"));
        Expr second = call(ScalarFunction.REGEXP_REPLACE, S, col(0, S), lit("o+", S), lit("[$0]", S),
                lit(1L, DataType.BIGINT), lit(2L, DataType.BIGINT));
        assertEquals(Arrays.asList("foo b[oo] boz"), eval(second, S, "foo boo boz"));
    }

    @Test
    void patternErrorsAreMysqlsCodes() {
        assertEquals(ErrorCode.ER_REGEXP_MISMATCHED_PAREN, error("(a"));
        assertEquals(ErrorCode.ER_REGEXP_MISMATCHED_PAREN, error("a)"));
        assertEquals(ErrorCode.ER_REGEXP_MISSING_CLOSE_BRACKET, error("[a"));
        assertEquals(ErrorCode.ER_REGEXP_INVALID_RANGE, error("[z-a]"));
        assertEquals(ErrorCode.ER_REGEXP_RULE_SYNTAX, error("*a"));
        assertEquals(ErrorCode.ER_REGEXP_ILLEGAL_ARGUMENT, error(""));
        StrataException flag = assertThrows(StrataException.class, () -> new RegexPatterns().compile("a", "q", false, "regexp_like"));
        assertEquals(ErrorCode.ER_WRONG_ARGUMENTS, flag.code());
    }

    private static ErrorCode error(String pattern) {
        return assertThrows(StrataException.class, () -> new RegexPatterns().compile(pattern, null, false, "regexp_like")).code();
    }

    @Test
    void aRepeatedPatternIsCompiledOnce() {
        RegexPatterns patterns = new RegexPatterns();
        Pattern first = patterns.compile("a+b", null, false, "regexp_like");
        assertSame(first, patterns.compile("a+b", null, false, "regexp_like"));
        assertEquals(false, first == patterns.compile("a+b", "c", false, "regexp_like"));
    }

    @Test
    void posixClassesBecomeJavaClassesInsideBrackets() {
        assertEquals("[\\p{Alpha}_]+[\\p{Digit}]", RegexPatterns.posixClasses("[[:alpha:]_]+[[:digit:]]"));
        assertEquals("[:alpha:]", RegexPatterns.posixClasses("[:alpha:]")); // a plain bracket of ':', 'a', ...
        assertEquals("\\[[:x:]", RegexPatterns.posixClasses("\\[[:x:]"));
    }
}
