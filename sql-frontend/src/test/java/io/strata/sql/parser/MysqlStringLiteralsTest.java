package io.strata.sql.parser;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MysqlStringLiteralsTest {

    private static String rewrite(String sql) {
        return MysqlStringLiterals.rewrite(sql).text();
    }

    @Test
    void backslashEscapesBecomeTheirCharacters() {
        assertEquals("SELECT 'back\\slash' ", rewrite("SELECT 'back\\\\slash'"));
        assertEquals("SELECT 'a''b'", rewrite("SELECT 'a\\'b'"));
        assertEquals("SELECT 'a\nb\t\0\u001Ax'     ", rewrite("SELECT 'a\\nb\\t\\0\\Z\\x'"));
    }

    @Test
    void likeEscapesKeepTheirBackslash() {
        assertEquals("x LIKE 'a\\%b\\_'", rewrite("x LIKE 'a\\%b\\_'"));
    }

    @Test
    void doubleQuotedStringsBecomeSingleQuoted() {
        assertEquals("SELECT 'abc'", rewrite("SELECT \"abc\""));
        assertEquals("SELECT 'x''y'", rewrite("SELECT \"x'y\""));
        assertEquals("SELECT 'a\"b' ", rewrite("SELECT \"a\"\"b\""));
    }

    @Test
    void standardLiteralsAndPrefixesAreUnchanged() {
        for (String sql : new String[] {"SELECT 'it''s'", "SELECT '%'", "SELECT X'41'",
                "SELECT `a\"b` FROM t -- it's\nWHERE 1", "SELECT /* it's */ 1", "SELECT X'41'\n'b'"}) {
            assertEquals(sql, rewrite(sql));
        }
    }

    @Test
    void adjacentLiteralsOnOneLineAreConcatenatedAndPadded() {
        assertEquals("SELECT 'ab'   , 1", rewrite("SELECT 'a' \"b\", 1"));
    }

    @Test
    void charsetIntroducersAreBlanked() {
        assertEquals("SELECT         'x', _x, a_b'y'", rewrite("SELECT _utf8mb4'x', _x, a_b'y'"));
    }

    @Test
    void hashCommentsAreBlanked() {
        assertEquals("SELECT 1          \nFROM t", rewrite("SELECT 1 # it's me\nFROM t"));
    }

    @Test
    void errorPositionsMapBackToTheOriginal() {
        MysqlStringLiterals.Rewritten text = MysqlStringLiterals.rewrite("SELECT \"a'b\" FROM");
        assertEquals(13, text.originalOffset(text.text().indexOf("FROM")));
    }
}
