package io.strata.sql;

import io.strata.common.error.ErrorCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Secondary indexes declared, created, dropped and shown over a real transaction node. */
class SecondaryIndexDdlTest extends SessionFixture {

    @BeforeEach
    void useDatabase() {
        ok("CREATE DATABASE d");
        ok("USE d");
    }

    private List<List<Object>> keys(String table) {
        return rows("SHOW INDEX FROM " + table).stream()
                .map(row -> List.of(row.get(1), row.get(2), row.get(3), row.get(4), row.get(9))).toList();
    }

    @Test
    void createTableNamesUnnamedIndexesAfterTheirFirstColumn() {
        ok("CREATE TABLE t (id INT PRIMARY KEY, a INT UNIQUE, b INT NOT NULL, KEY (a, b), UNIQUE (b), KEY (a))");
        assertEquals(List.of(
                List.of("0", "PRIMARY", "1", "id", ""),
                List.of("0", "b", "1", "b", ""),
                List.of("0", "a", "1", "a", "YES"),
                List.of("1", "a_2", "1", "a", "YES"),
                List.of("1", "a_2", "2", "b", ""),
                List.of("1", "a_3", "1", "a", "YES")), keys("t"));
        assertEquals(List.of("PRI", "UNI", "UNI"), rows("SHOW COLUMNS FROM t").stream().map(row -> row.get(3)).toList());
        assertEquals("CREATE TABLE `t` (\n  `id` int NOT NULL,\n  `a` int DEFAULT NULL,\n  `b` int NOT NULL,\n"
                + "  PRIMARY KEY (`id`),\n  UNIQUE KEY `b` (`b`),\n  UNIQUE KEY `a` (`a`),\n  KEY `a_2` (`a`,`b`),\n"
                + "  KEY `a_3` (`a`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci",
                rows("SHOW CREATE TABLE t").get(0).get(1));
    }

    /** The optimizer is told the primary key and the UNIQUE indexes over NOT NULL columns, not the others. */
    @Test
    void uniqueIndexesOverNotNullColumnsAreKeysForTheOptimizer() {
        ok("CREATE TABLE t (id INT PRIMARY KEY, a INT UNIQUE, b INT NOT NULL, c INT NOT NULL, UNIQUE (b, c), KEY (c))");
        try (io.strata.txn.Transaction txn = node.begin()) {
            var table = txn.catalog().table("d", "t").orElseThrow();
            var keys = new io.strata.sql.catalog.StrataTable(txn, table, false).getStatistic().getKeys();
            assertEquals(List.of(org.apache.calcite.util.ImmutableBitSet.of(0), org.apache.calcite.util.ImmutableBitSet.of(2, 3)), keys);
        }
    }

    @Test
    void createTableRejectsBadIndexes() {
        assertEquals(ErrorCode.ER_KEY_COLUMN_DOES_NOT_EXIST, error("CREATE TABLE t (a INT, KEY (nope))"));
        assertEquals(ErrorCode.ER_DUP_KEYNAME, error("CREATE TABLE t (a INT, b INT, KEY k (a), UNIQUE k (b))"));
        assertEquals(ErrorCode.ER_WRONG_NAME_FOR_INDEX, error("CREATE TABLE t (a INT, KEY `primary` (a))"));
        assertEquals(ErrorCode.ER_NO_SUCH_TABLE, error("SHOW INDEX FROM t"));
    }

    @Test
    void alterTableAddsAndDropsIndexes() {
        ok("CREATE TABLE t (id INT PRIMARY KEY, a INT, b INT)");
        ok("CREATE UNIQUE INDEX ua ON t (a)");
        ok("ALTER TABLE t ADD INDEX (b), ADD KEY (b, a)");
        assertEquals(List.of("PRIMARY", "ua", "b", "b_2"), keys("t").stream().map(row -> row.get(1)).distinct().toList());
        assertEquals(List.of("PRI", "UNI", "MUL"), rows("SHOW COLUMNS FROM t").stream().map(row -> row.get(3)).toList());
        ok("ALTER TABLE t DROP INDEX b, DROP KEY b_2, ADD INDEX b (a)");
        assertEquals(List.of("PRIMARY", "ua", "b"), keys("t").stream().map(row -> row.get(1)).distinct().toList());
        ok("DROP INDEX ua ON t");
        assertEquals(ErrorCode.ER_CANT_DROP_FIELD_OR_KEY, error("DROP INDEX ua ON t"));
        assertEquals(ErrorCode.ER_DUP_KEYNAME, error("CREATE INDEX b ON t (b)"));
        assertEquals(ErrorCode.ER_NOT_SUPPORTED_YET, error("ALTER TABLE t ADD INDEX z (b), ADD COLUMN c INT"));
        assertEquals(List.of("PRIMARY", "b"), keys("t").stream().map(row -> row.get(1)).distinct().toList());
        ok("ALTER TABLE t DISABLE KEYS");
    }
}
