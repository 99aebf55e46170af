package io.strata.tests.slt;

import io.strata.tests.slt.SltRecord.SortMode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runner's own rules, without a server: parsing, value formatting, sorting, both layouts, hashing. */
class SltFormatTest {
    @Test
    void parsesRecordsConditionsAndErrorCodes() {
        List<SltRecord> records = SltParser.parse("x.test", List.of(
                "# a comment",
                "hash-threshold 8",
                "",
                "skipif mariadb",
                "onlyif mysql",
                "statement error 1062/23000 Duplicate entry",
                "INSERT INTO t",
                "VALUES (1)",
                "",
                "query IT rowsort lbl",
                "SELECT a, b FROM t;",
                "----",
                "1 x",
                "",
                "statement ok",
                "CREATE TABLE t (a INT)",
                "",
                "halt"));
        assertEquals(5, records.size(), records.toString());
        SltRecord.Statement error = assertInstanceOf(SltRecord.Statement.class, records.get(1));
        assertEquals(6, error.line());
        assertEquals(List.of(new SltRecord.Condition(true, "mariadb"), new SltRecord.Condition(false, "mysql")), error.conditions());
        assertTrue(error.expectError());
        assertEquals(1062, error.errorCode());
        assertEquals("23000", error.sqlState());
        assertEquals("Duplicate entry", error.messageFragment());
        assertEquals("INSERT INTO t\nVALUES (1)", error.sql());
        SltRecord.Query query = assertInstanceOf(SltRecord.Query.class, records.get(2));
        assertEquals("SELECT a, b FROM t", query.sql(), "the trailing semicolon is dropped");
        assertEquals(SortMode.ROWSORT, query.sortMode());
        assertEquals("lbl", query.label());
        assertEquals(List.of("1 x"), query.expectedLines());
        assertTrue(records.get(0) instanceof SltRecord.HashThreshold threshold && threshold.threshold() == 8);
        assertInstanceOf(SltRecord.Halt.class, records.get(4));
    }

    @Test
    void rejectsUnknownRecordsWithFileAndLine() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> SltParser.parse("y.test", List.of("statement ok", "SELECT 1", "", "loop i 1 2")));
        assertTrue(failure.getMessage().startsWith("y.test:4:"), failure.getMessage());
    }

    @Test
    void formatsValuesLikeSqlite() {
        assertEquals("NULL", ValueFormat.format(null, 'T'));
        assertEquals("NULL", ValueFormat.format(null, 'I'));
        assertEquals("(empty)", ValueFormat.format("", 'T'));
        assertEquals("a@b", ValueFormat.format("a\nb", 'T'));
        assertEquals("12", ValueFormat.format("12.99", 'I'), "I truncates toward zero");
        assertEquals("-12", ValueFormat.format("-12.99", 'I'));
        assertEquals("0", ValueFormat.format("abc", 'I'), "text without a number is 0");
        assertEquals("1", ValueFormat.format("true", 'I'));
        assertEquals("2.500", ValueFormat.format("2.5", 'R'));
        assertEquals("-0.333", ValueFormat.format("-0.3333", 'R'));
        assertEquals("100.000", ValueFormat.format("1e2", 'R'));
    }

    @Test
    void acceptsValuePerLineRowPerLineAndHashedResults() {
        List<List<String>> rows = List.of(List.of("1", "a b"), List.of("2", "c"));
        assertTrue(ResultCheck.matches(List.of("1", "a b", "2", "c"), rows), "one value per line");
        assertTrue(ResultCheck.matches(List.of("1 a b", "2  c"), rows), "one row per line, spaces");
        assertTrue(ResultCheck.matches(List.of("1\ta b", "2\tc"), rows), "one row per line, tabs");
        // md5("1\na b\n2\nc\n"), computed with Python's hashlib
        assertTrue(ResultCheck.matches(List.of("4 values hashing to 66e903aaffb21a46626f51dc42691756"), rows));
        assertEquals(ResultCheck.hash(List.of("1", "a b", "2", "c")), ResultCheck.render(
                List.of("4 values hashing to 00000000000000000000000000000000"), rows).get(0));
        assertFalse(ResultCheck.matches(List.of("1 a b", "2 d"), rows));
        assertFalse(ResultCheck.matches(List.of("1 a b"), rows), "a missing row");
        assertFalse(ResultCheck.matches(List.of("4 values hashing to 00000000000000000000000000000000"), rows));
        assertTrue(ResultCheck.matches(List.of(), List.of()), "no rows");
        assertFalse(ResultCheck.matches(List.of(), rows));
    }

    @Test
    void hashesLikeSqlite() {
        // hashlib.md5(b"1\n2\n3\n").hexdigest() in Python
        assertEquals("3 values hashing to c0710d6b4f15dfa88f600b0e6b624077", ResultCheck.hash(List.of("1", "2", "3")));
    }

    @Test
    void sortsRowsAndValues() {
        List<List<String>> rows = List.of(List.of("b", "1"), List.of("a", "2"), List.of("a", "10"));
        assertEquals(List.of(List.of("a", "10"), List.of("a", "2"), List.of("b", "1")), ResultCheck.sorted(rows, SortMode.ROWSORT),
                "rows compare as strings, value by value");
        assertEquals(List.of(List.of("1"), List.of("10"), List.of("2"), List.of("a"), List.of("a"), List.of("b")),
                ResultCheck.sorted(rows, SortMode.VALUESORT));
        assertEquals(rows, ResultCheck.sorted(rows, SortMode.NOSORT));
    }

    @Test
    void databaseNamesFollowTheFilePath() {
        assertEquals("slt_dml_insert", SltRunner.databaseName("dml/insert.test"));
        assertEquals("slt_select1", SltRunner.databaseName("select1.test"));
        assertTrue(SltRunner.databaseName("a".repeat(100) + ".test").length() <= 64);
    }
}
