package io.strata.sql;

import io.strata.common.session.StatementResult;
import org.junit.jupiter.api.Test;

class TmpProbeTest extends SessionFixture {
    @Test
    void probe() {
        String[] sqls = {"CREATE DATABASE d", "USE d", "CREATE TABLE t (id INT PRIMARY KEY, c VARCHAR(20), dt DATETIME, b BOOL, v VECF32(3), j JSON, f DOUBLE)",
            "SELECT 1 FROM dual", "SELECT @@global.max_connections", "SHOW SESSION STATUS LIKE 'Ssl_cipher'",
            "select count(*) from information_schema.tables", "SELECT 'ä€日本'", "INSERT INTO t (id, c, dt, b, v, j, f) VALUES (1, '日本', '2024-01-02 03:04:05', true, '[1,2,3]', '{\"a\":1}', 1.5)",
            "INSERT INTO t (id, c) VALUES (2, NULL)",
            "SELECT * FROM t WHERE c = '日本'", "SET @a = 'x'", "SELECT @a", "SELECT CURRENT_USER()", "SELECT DATE '2024-01-01'",
            "select id, count(*) from t group by id having count(*) > 0", "SELECT * FROM t ORDER BY id DESC LIMIT 1",
            "SELECT IF(1>0,'a','b')", "SELECT IFNULL(NULL, 2)", "SELECT 1 + '2'", "SELECT c FROM t WHERE dt > '2024-01-01'",
            "SELECT YEAR(dt), MONTH(dt) FROM t", "SELECT dt + INTERVAL 1 DAY FROM t", "SELECT SUBSTRING(c, 1, 1), LENGTH(c), CHAR_LENGTH(c) FROM t",
            "SELECT ROUND(f, 1), ABS(-f), FLOOR(f), CEIL(f) FROM t", "SELECT TRIM(' x ')", "SELECT c FROM t WHERE c IS NOT NULL AND NOT (id = 2)",
            "SELECT * FROM t t1 JOIN t t2 USING (id)", "SELECT MIN(id), MAX(c) FROM t", "SELECT COUNT(c) FROM t",
            "SELECT id FROM t WHERE id = (SELECT MAX(id) FROM t)", "UPDATE t SET c = 'z', f = f * 2 WHERE id = 1", "SELECT c, f FROM t WHERE id = 1",
            "SHOW INDEX FROM t", "SHOW KEYS FROM t FROM d", "DESCRIBE t", "SHOW CREATE TABLE t", "SHOW CREATE DATABASE d",
            "select @@version_comment limit 1", "SHOW ENGINES", "SHOW COLLATION LIKE 'utf8mb4%'", "SHOW CHARSET", "SHOW WARNINGS",
            "SELECT * FROM t LIMIT 1 OFFSET 1", "SELECT 10 DIV 3", "SELECT 10 % 3", "SELECT c FROM t WHERE c LIKE '%z%' ORDER BY c DESC",
            "DELETE FROM t", "SELECT COUNT(*) FROM t"};
        for (String sql : sqls) {
            try (StatementResult r = one(session, sql)) {
                StringBuilder out = new StringBuilder();
                if (r instanceof StatementResult.Rows rows) {
                    out.append(rows.columns().stream().map(c -> c.name() + ":" + c.type()).toList());
                    int n = 0;
                    while (rows.rows().hasNext() && n++ < 3) out.append(' ').append(java.util.Arrays.deepToString(rows.rows().next()));
                } else out.append(r);
                System.out.println("PROBE OK   " + sql + " -> " + out);
            } catch (RuntimeException e) {
                System.out.println("PROBE FAIL " + sql + " -> " + e);
            }
        }
    }
}
