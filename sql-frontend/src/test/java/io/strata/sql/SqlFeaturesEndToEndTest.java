package io.strata.sql;

import io.strata.common.error.ErrorCode;
import io.strata.common.session.StatementResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SQL beyond the basics, end to end over a real transaction node. */
class SqlFeaturesEndToEndTest extends SessionFixture {

    @BeforeEach
    void createTables() {
        ok("CREATE DATABASE d");
        ok("USE d");
        ok("CREATE TABLE emp (id INT PRIMARY KEY, name VARCHAR(20), dept INT, salary DECIMAL(10,2))");
        ok("CREATE TABLE dept (id INT PRIMARY KEY, title VARCHAR(20))");
        ok("INSERT INTO emp VALUES (1, 'ann', 10, 100.00), (2, 'bob', 10, 200.00), (3, 'cy', 20, 300.00), "
                + "(4, 'di', NULL, 50.00)");
        ok("INSERT INTO dept VALUES (10, 'eng'), (20, 'ops'), (30, 'hr')");
    }

    @Test
    void connectorJConnectQuery() {
        List<List<Object>> rows = rows("/* mysql-connector-j-9.1.0 (Revision: 0) */SELECT  @@session.auto_increment_increment "
                + "AS auto_increment_increment, @@character_set_client AS character_set_client, @@character_set_connection "
                + "AS character_set_connection, @@character_set_results AS character_set_results, @@character_set_server "
                + "AS character_set_server, @@collation_server AS collation_server, @@collation_connection AS "
                + "collation_connection, @@init_connect AS init_connect, @@interactive_timeout AS interactive_timeout, "
                + "@@license AS license, @@lower_case_table_names AS lower_case_table_names, @@max_allowed_packet AS "
                + "max_allowed_packet, @@net_write_timeout AS net_write_timeout, @@performance_schema AS "
                + "performance_schema, @@sql_mode AS sql_mode, @@system_time_zone AS system_time_zone, @@time_zone AS "
                + "time_zone, @@transaction_isolation AS transaction_isolation, @@wait_timeout AS wait_timeout");
        assertEquals(19, rows.get(0).size());
        assertEquals("SYSTEM", rows.get(0).get(16));
        assertEquals(0L, ((Number) rows("SELECT @@session.transaction_read_only").get(0).get(0)).longValue());
        ok("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED");
        assertEquals("READ-COMMITTED", rows("SELECT @@transaction_isolation").get(0).get(0));
        ok("SET @x = 41 + 1");
        assertEquals(42L, ((Number) rows("SELECT @x").get(0).get(0)).longValue());
    }

    @Test
    void filtersWithSearchLikeBetweenAndNulls() {
        assertEquals(List.of(List.of("ann"), List.of("cy")), rows("SELECT name FROM emp WHERE id IN (1, 3) ORDER BY id"));
        assertEquals(List.of(List.of("bob"), List.of("cy")),
                rows("SELECT name FROM emp WHERE salary BETWEEN 150 AND 300 ORDER BY name"));
        assertEquals(List.of(List.of("di")), rows("SELECT name FROM emp WHERE dept IS NULL"));
        assertEquals(List.of(List.of("ann")), rows("SELECT name FROM emp WHERE name LIKE 'a%'"));
        assertEquals(List.of(List.of("ann"), List.of("bob")), rows("SELECT name FROM emp WHERE id != 3 AND dept = 10 ORDER BY 1"));
    }

    @Test
    void aggregatesUseMysqlResultTypes() {
        List<List<Object>> avg = rows("SELECT dept, AVG(salary), COUNT(DISTINCT name), MAX(salary) FROM emp "
                + "WHERE dept IS NOT NULL GROUP BY dept ORDER BY dept");
        assertEquals(2, avg.size());
        assertEquals(0, new BigDecimal("150").compareTo((BigDecimal) avg.get(0).get(1)));
        assertEquals(2L, avg.get(0).get(2));
        Object quotient = rows("SELECT 7 / 2").get(0).get(0);
        assertEquals(0, new BigDecimal("3.5").compareTo((BigDecimal) quotient));
        assertEquals(3L, ((Number) rows("SELECT 7 DIV 2").get(0).get(0)).longValue());
        assertEquals(List.of(List.of(4L)), rows("SELECT COUNT(*) FROM emp"));
    }

    @Test
    void integerArithmeticIsBigintAsInMysql() {
        ok("CREATE TABLE wide (id INT PRIMARY KEY, n INT, s SMALLINT)");
        ok("INSERT INTO wide VALUES (1, 2147483647, 32767)");
        assertEquals(List.of(List.of(2147483648L, 4294967294L, -2147483648L, 32768L)),
                rows("SELECT n + 1, n * 2, -n - 1, s + 1 FROM wide"));
    }

    @Test
    void havingWithoutGroupByFiltersRowsByAlias() {
        assertEquals(List.of(List.of("ann", "big"), List.of("bob", "big")),
                rows("SELECT name, CASE WHEN dept = 10 THEN 'big' ELSE 'small' END AS name2 FROM emp "
                        + "WHERE id < 4 HAVING name2 IN ('big') ORDER BY name2, id"));
        assertEquals(List.of(List.of(4L)), rows("SELECT COUNT(*) AS n FROM emp HAVING n > 1"));
    }

    @Test
    void joinsSubqueriesAndUnions() {
        assertEquals(List.of(List.of("ann", "eng"), List.of("bob", "eng"), List.of("cy", "ops")),
                rows("SELECT e.name, d.title FROM emp e, dept d WHERE e.dept = d.id ORDER BY e.name"));
        assertEquals(4, rows("SELECT e.name, d.title FROM emp e LEFT JOIN dept d ON e.dept = d.id").size());
        assertEquals(List.of(List.of("eng"), List.of("ops")),
                rows("SELECT title FROM dept WHERE id IN (SELECT dept FROM emp) ORDER BY title"));
        assertEquals(List.of(List.of("hr")),
                rows("SELECT title FROM dept d WHERE NOT EXISTS (SELECT 1 FROM emp e WHERE e.dept = d.id)"));
        assertEquals(List.of(List.of(10L), List.of(20L), List.of(30L)),
                rows("SELECT dept FROM emp WHERE dept IS NOT NULL UNION SELECT id FROM dept ORDER BY 1").stream()
                        .map(r -> List.<Object>of(((Number) r.get(0)).longValue())).toList());
        assertEquals(List.of(List.of("ann")), rows("SELECT name FROM (SELECT name, salary FROM emp) t WHERE salary < 150 "
                + "AND name <> 'di'"));
    }

    @Test
    void expressionsCaseCastAndFunctions() {
        List<List<Object>> result = rows("SELECT CASE WHEN salary > 150 THEN 'high' ELSE 'low' END, UPPER(name), "
                + "CAST(id AS CHAR), COALESCE(dept, 0), CONCAT(name, '!') FROM emp WHERE id = 4");
        assertEquals("low", result.get(0).get(0));
        assertEquals("DI", result.get(0).get(1));
        assertEquals("4", result.get(0).get(2));
        assertEquals(0L, ((Number) result.get(0).get(3)).longValue());
        assertEquals("di!", result.get(0).get(4));
        assertFalse(rows("SELECT NOW(), CURRENT_DATE").isEmpty());
    }

    @Test
    void insertSelectTruncateAndIndexes() {
        ok("CREATE TABLE copy (id INT, name VARCHAR(20))");
        assertEquals(2, ok("INSERT INTO copy SELECT id, name FROM emp WHERE dept = 10").affectedRows());
        assertEquals(List.of(List.of(2L)), rows("SELECT COUNT(*) FROM copy"));
        ok("CREATE INDEX idx_name ON copy (name)");
        assertEquals(ErrorCode.ER_KEY_COLUMN_DOES_NOT_EXIST, error("CREATE INDEX bad ON copy (nope)"));
        ok("DROP INDEX idx_name ON copy");
        ok("TRUNCATE TABLE copy");
        assertEquals(List.of(List.of(0L)), rows("SELECT COUNT(*) FROM copy"));
        ok("DROP TABLE copy");
        assertEquals(ErrorCode.ER_NO_SUCH_TABLE, error("SELECT * FROM copy"));
        ok("DROP TABLE IF EXISTS copy");
        assertEquals(ErrorCode.ER_BAD_TABLE_ERROR, error("DROP TABLE copy"));
    }

    @Test
    void sysbenchSchemaLoads() {
        ok("CREATE TABLE sbtest1(id INTEGER NOT NULL AUTO_INCREMENT, k INTEGER DEFAULT '0' NOT NULL, "
                + "c CHAR(120) DEFAULT '' NOT NULL, pad CHAR(60) DEFAULT '' NOT NULL, PRIMARY KEY (id)) /*! ENGINE = innodb */");
        ok("CREATE INDEX k_1 ON sbtest1(k)");
        ok("INSERT INTO sbtest1(k, c, pad) VALUES(5, 'c1', 'p1'),(6, 'c2', 'p2')");
        var prepared = session.prepare("SELECT c FROM sbtest1 WHERE id=?");
        try (StatementResult.Rows rows = (StatementResult.Rows) session.executePrepared(prepared.statementId(), List.of(2L))) {
            assertEquals("c2", rows.rows().next()[0]);
        }
        var update = session.prepare("UPDATE sbtest1 SET k=k+1 WHERE id=?");
        assertEquals(1, ((StatementResult.Ok) session.executePrepared(update.statementId(), List.of(1L))).affectedRows());
        assertEquals(List.of(List.of(6L)), rows("SELECT k FROM sbtest1 WHERE id = 1").stream()
                .map(r -> List.<Object>of(((Number) r.get(0)).longValue())).toList());
        var setC = session.prepare("UPDATE sbtest1 SET c=? WHERE id=?");
        assertEquals(1, ((StatementResult.Ok) session.executePrepared(setC.statementId(), List.of("new", 2L))).affectedRows());
        assertEquals(List.of(List.of("new")), rows("SELECT c FROM sbtest1 WHERE id = 2"));
        var delete = session.prepare("DELETE FROM sbtest1 WHERE id=?");
        assertEquals(1, ((StatementResult.Ok) session.executePrepared(delete.statementId(), List.of(1L))).affectedRows());
    }

    @Test
    void informationSchemaIgnoresCase() {
        List<List<Object>> columns = rows("select column_name, data_type, column_key from information_schema.columns "
                + "where table_schema = 'd' and table_name = 'emp' order by ordinal_position");
        assertEquals(List.of("id", "int", "PRI"), columns.get(0));
        assertEquals(4, columns.size());
        assertTrue(rows("SELECT schema_name FROM information_schema.schemata").stream()
                .anyMatch(r -> r.get(0).equals("d")));
        assertEquals(List.of(List.of("dept"), List.of("emp")), rows("SHOW FULL TABLES FROM `d` LIKE '%'").stream()
                .map(r -> List.<Object>of(r.get(0))).toList());
        assertEquals(4, rows("SHOW FULL COLUMNS FROM `emp` FROM `d` LIKE '%'").size());
        assertEquals(List.of("emp", "Strata"), rows("SHOW TABLE STATUS LIKE 'emp'").get(0).subList(0, 2));
        List<List<Object>> keys = rows("SELECT COLUMN_NAME, SEQ_IN_INDEX FROM INFORMATION_SCHEMA.STATISTICS "
                + "WHERE TABLE_SCHEMA = 'd' AND TABLE_NAME = 'emp' AND INDEX_NAME = 'PRIMARY'");
        assertEquals(List.of(List.of("id", 1L)), keys);
    }

    @Test
    void mysqlFunctionsDualAndUnicode() {
        assertEquals(List.of(List.of("a", 2L)), rows("SELECT IF(1 > 0, 'a', 'b'), IFNULL(NULL, 2) FROM DUAL").stream()
                .map(r -> List.<Object>of(r.get(0), ((Number) r.get(1)).longValue())).toList());
        assertEquals(List.of(List.of("日本€")), rows("SELECT '日本€'"));
        assertEquals(List.of(List.of("cy")), rows("SELECT name FROM emp WHERE id = (SELECT MAX(id) FROM emp WHERE dept = 20)"));
    }

    @Test
    void valuesOfEveryKindRoundTrip() {
        ok("CREATE TABLE kinds (id INT PRIMARY KEY, c VARCHAR(20), dt DATETIME, b BOOL, v VECF32(3), j JSON, f DOUBLE)");
        ok("INSERT INTO kinds VALUES (1, '日本', '2024-01-02 03:04:05', true, '[1,2,3]', '{\"a\":1}', 1.5)");
        List<Object> row = rows("SELECT * FROM kinds WHERE c = '日本'").get(0);
        assertEquals(java.time.LocalDateTime.of(2024, 1, 2, 3, 4, 5), row.get(2));
        assertEquals(Boolean.TRUE, row.get(3));
        assertTrue(java.util.Arrays.equals(new float[] {1, 2, 3}, (float[]) row.get(4)));
        assertEquals("{\"a\": 1}", row.get(5), "JSON comes back in MySQL's normalized form");
        assertEquals(1.5, row.get(6));
        assertEquals(List.of(List.of("日本")), rows("SELECT c FROM kinds WHERE dt > '2024-01-01'"));
    }

    @Test
    void dateArithmeticStringAndVectorFunctions() {
        ok("CREATE TABLE ev (id INT PRIMARY KEY, at DATETIME, v VECF32(2))");
        ok("INSERT INTO ev VALUES (1, '2024-01-31 10:00:00', '[3,4]'), (2, '2024-03-01 00:00:00', '[0,1]')");
        assertEquals(java.time.LocalDateTime.of(2024, 2, 1, 10, 0),
                rows("SELECT at + INTERVAL 1 DAY FROM ev WHERE id = 1").get(0).get(0));
        assertEquals(java.time.LocalDateTime.of(2024, 2, 1, 0, 0),
                rows("SELECT at - INTERVAL '1' MONTH FROM ev WHERE id = 2").get(0).get(0));
        assertEquals(List.of(List.of(1L)), rows("SELECT id FROM ev WHERE at < TIMESTAMP '2024-03-01 00:00:00' - INTERVAL '1' DAY"));
        List<Object> strings = rows("SELECT LOCATE('b', 'abc'), INSTR('abc', 'c'), REPLACE('aXa', 'X', 'b'), "
                + "CONCAT_WS('-', 'a', 'b'), LEFT('abc', 2), HOUR(at) FROM ev WHERE id = 1").get(0);
        assertEquals(2L, ((Number) strings.get(0)).longValue());
        assertEquals(3L, ((Number) strings.get(1)).longValue());
        assertEquals(List.of("aba", "a-b", "ab"), strings.subList(2, 5));
        assertEquals(10L, ((Number) strings.get(5)).longValue());
        assertEquals(List.of(List.of(2L), List.of(1L)),
                rows("SELECT id FROM ev ORDER BY l2_distance(v, '[0,0]') LIMIT 2").stream()
                        .map(r -> List.<Object>of(((Number) r.get(0)).longValue())).toList());
        assertEquals(5.0, rows("SELECT l2_distance(v, '[0,0]') FROM ev WHERE id = 1").get(0).get(0));
    }

    @Test
    void commonMysqlColumnNamesThatAreSqlKeywords() {
        ok("CREATE TABLE words (id INT PRIMARY KEY, date DATE, time TIME, timestamp DATETIME, value INT, year INT, "
                + "month INT, day INT, hour INT, at INT)");
        ok("INSERT INTO words VALUES (1, '2024-05-06', '10:11:12', '2024-05-06 10:11:12', 7, 2024, 5, 6, 10, 1)");
        List<Object> row = rows("SELECT date, time, value, year, month, day, hour, at, YEAR(date), "
                + "EXTRACT(MONTH FROM timestamp) FROM words WHERE date = DATE '2024-05-06' "
                + "AND timestamp < TIMESTAMP '2025-01-01 00:00:00' + INTERVAL '1' YEAR").get(0);
        assertEquals(java.time.LocalDate.of(2024, 5, 6), row.get(0));
        assertEquals(java.time.LocalTime.of(10, 11, 12), row.get(1));
        assertEquals(List.of(7L, 2024L, 5L, 6L, 10L, 1L, 2024L, 5L),
                row.subList(2, 10).stream().map(v -> ((Number) v).longValue()).toList());
        assertEquals(1, rows("SELECT CAST('2024-01-01' AS DATE), TIME '10:00:00'").size());
    }

    @Test
    void explainPrintsThePlan() {
        assertFalse(rows("EXPLAIN PLAN FOR SELECT name FROM emp WHERE id = 1").isEmpty());
    }
}
