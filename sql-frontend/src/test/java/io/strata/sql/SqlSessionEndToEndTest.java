package io.strata.sql;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.session.ResultColumn;
import io.strata.common.session.Session;
import io.strata.common.session.StatementResult;
import io.strata.common.session.StatementResults;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlSessionEndToEndTest extends SessionFixture {
    private void setUpShop() {
        ok("CREATE DATABASE shop");
        ok("USE shop");
        ok("CREATE TABLE items (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, name VARCHAR(20) NOT NULL, "
                + "price DECIMAL(10,2) DEFAULT 1.50, qty INT)");
    }

    @Test
    void connectorQueriesAnswerWithMysqlDefaults() {
        List<List<Object>> comment = rows("SELECT @@version_comment LIMIT 1");
        assertEquals(List.of(List.of("Strata")), comment);
        try (StatementResult result = one(session, "/* mysql-connector-j-9.1.0 */SELECT @@session.auto_increment_increment "
                + "AS auto_increment_increment, @@character_set_client AS character_set_client, @@max_allowed_packet, "
                + "@@transaction_isolation, @@lower_case_table_names")) {
            StatementResult.Rows rows = (StatementResult.Rows) result;
            assertEquals("auto_increment_increment", rows.columns().get(0).name());
            assertEquals("@@max_allowed_packet", rows.columns().get(2).name());
            Object[] row = rows.rows().next();
            assertEquals(1L, ((Number) row[0]).longValue());
            assertEquals("utf8mb4", row[1]);
            assertEquals("REPEATABLE-READ", row[3]);
        }
        assertEquals(List.of(List.of(1L)), rows("SELECT 1").stream()
                .map(r -> List.<Object>of(((Number) r.get(0)).longValue())).toList());
        assertEquals(Arrays.asList((Object) null), rows("SELECT DATABASE()").get(0));
        assertEquals("root@localhost", rows("SELECT USER()").get(0).get(0));
        assertEquals("8.0.30-Strata-0.1", rows("SELECT VERSION()").get(0).get(0));
        assertEquals(1L, ((Number) rows("SELECT CONNECTION_ID()").get(0).get(0)).longValue());
        ok("SET NAMES utf8mb4");
        ok("SET character_set_results = NULL");
        ok("SET autocommit=1, sql_mode='STRICT_TRANS_TABLES'");
        assertEquals("STRICT_TRANS_TABLES", rows("SELECT @@sql_mode").get(0).get(0));
        assertEquals(ErrorCode.ER_UNKNOWN_SYSTEM_VARIABLE, error("SELECT @@no_such_variable"));
    }

    @Test
    void createInsertSelectWithAutoIncrementAndDefaults() {
        setUpShop();
        StatementResult.Ok insert = ok("INSERT INTO items (name, qty) VALUES ('apple', 3), ('pear', 5)");
        assertEquals(2, insert.affectedRows());
        assertEquals(1, insert.lastInsertId());
        ok("INSERT INTO items VALUES (10, 'fig', 2.25, 1)");
        assertEquals(11L, ((Number) ok("INSERT INTO items (name) VALUES ('kiwi')").lastInsertId()).longValue());
        assertEquals(11L, ((Number) rows("SELECT LAST_INSERT_ID()").get(0).get(0)).longValue());
        List<List<Object>> all = rows("SELECT id, name, price, qty FROM items ORDER BY id");
        assertEquals(4, all.size());
        assertEquals(List.of(1L, "apple", new BigDecimal("1.50"), 3L), all.get(0));
        assertEquals(Arrays.asList(11L, "kiwi", new BigDecimal("1.50"), null), all.get(3));
        assertEquals(List.of(List.of("pear")), rows("SELECT name FROM items WHERE qty > 3"));
        assertEquals(List.of(List.of("fig"), List.of("kiwi")), rows("SELECT name FROM items ORDER BY id LIMIT 2, 2"));
    }

    @Test
    void groupByAndJoin() {
        setUpShop();
        ok("INSERT INTO items (name, qty) VALUES ('a', 1), ('a', 2), ('b', 5)");
        ok("CREATE TABLE tags (item_id INT, tag VARCHAR(10))");
        ok("INSERT INTO tags VALUES (1, 'red'), (3, 'blue'), (3, 'green')");
        List<List<Object>> grouped = rows("SELECT name, COUNT(*), SUM(qty) FROM items GROUP BY name ORDER BY name");
        assertEquals(List.of(List.of("a", 2L, new BigDecimal("3")), List.of("b", 1L, new BigDecimal("5"))), grouped);
        List<List<Object>> joined = rows("SELECT i.name, t.tag FROM items i JOIN tags t ON i.id = t.item_id ORDER BY t.tag");
        assertEquals(List.of(List.of("b", "blue"), List.of("b", "green"), List.of("a", "red")), joined);
    }

    @Test
    void updateAndDeleteCountRowsAsMysql() {
        setUpShop();
        ok("INSERT INTO items (name, qty) VALUES ('a', 1), ('b', 2), ('c', 3)");
        StatementResult.Ok update = ok("UPDATE items SET qty = qty + 10 WHERE qty >= 2");
        assertEquals(2, update.affectedRows());
        assertEquals(0, ok("UPDATE items SET qty = 1 WHERE name = 'a'").affectedRows());
        assertEquals(List.of(List.of("a", 1L), List.of("b", 12L), List.of("c", 13L)),
                rows("SELECT name, qty FROM items ORDER BY name"));
        assertEquals(1, ok("DELETE FROM items WHERE name = 'b'").affectedRows());
        assertEquals(List.of(List.of(2L)), rows("SELECT COUNT(*) FROM items"));
    }

    @Test
    void transactionsCommitAndRollback() {
        setUpShop();
        Session other = factory.open("root", "shop", 2);
        ok("BEGIN");
        assertTrue(session.inTransaction());
        ok("INSERT INTO items (name) VALUES ('x')");
        assertEquals(List.of(List.of(0L)), rows(other, "SELECT COUNT(*) FROM items"));
        ok("ROLLBACK");
        assertEquals(List.of(List.of(0L)), rows("SELECT COUNT(*) FROM items"));
        ok("START TRANSACTION");
        ok("INSERT INTO items (name) VALUES ('y')");
        assertEquals(ErrorCode.ER_BAD_NULL_ERROR, error("INSERT INTO items (name) VALUES (NULL)"));
        ok("COMMIT");
        assertFalse(session.inTransaction());
        assertEquals(List.of(List.of("y")), rows(other, "SELECT name FROM items"));
        ok("SET autocommit = 0");
        ok("INSERT INTO items (name) VALUES ('z')");
        assertTrue(session.inTransaction());
        assertEquals(List.of(List.of(1L)), rows(other, "SELECT COUNT(*) FROM items"));
        ok("SET autocommit = 1");
        assertEquals(List.of(List.of(2L)), rows(other, "SELECT COUNT(*) FROM items"));
        other.close();
    }

    @Test
    void sameRowUpdatedTwiceInOneTransaction() {
        setUpShop();
        ok("INSERT INTO items (name, qty) VALUES ('a', 1)");
        ok("BEGIN");
        assertEquals(1, ok("UPDATE items SET qty = 2 WHERE id = 1").affectedRows());
        assertEquals(1, ok("UPDATE items SET qty = 3 WHERE id = 1").affectedRows());
        assertEquals(List.of(List.of(3L)), rows("SELECT qty FROM items"));
        ok("DELETE FROM items WHERE id = 1");
        ok("INSERT INTO items (id, name, qty) VALUES (1, 'b', 4)");
        ok("COMMIT");
        assertEquals(List.of(List.of("b", 4L)), rows("SELECT name, qty FROM items"));
    }

    @Test
    void concurrentUpdatesOfOneRowDoNotLoseAnUpdate() {
        setUpShop();
        ok("INSERT INTO items (name, qty) VALUES ('a', 1)");
        Session other = factory.open("root", "shop", 2);
        ok("BEGIN");
        one(other, "BEGIN").close();
        ok("UPDATE items SET qty = 2 WHERE id = 1");
        ok("COMMIT");
        StrataException conflict = assertThrows(StrataException.class, () -> {
            one(other, "UPDATE items SET qty = 3 WHERE id = 1").close();
            one(other, "COMMIT").close();
        });
        assertTrue(conflict.code() == ErrorCode.ER_LOCK_DEADLOCK || conflict.code() == ErrorCode.ER_DUP_ENTRY,
                conflict.code().toString());
        assertFalse(other.inTransaction(), "a conflict rolls the transaction back");
        assertEquals(List.of(List.of(2L)), rows(other, "SELECT qty FROM items"));
        other.close();
    }

    @Test
    void errorsCarryMysqlCodes() {
        assertEquals(ErrorCode.ER_NO_DB_ERROR, error("SELECT * FROM t"));
        assertEquals(ErrorCode.ER_BAD_DB_ERROR, error("USE nowhere"));
        setUpShop();
        assertEquals(ErrorCode.ER_NO_SUCH_TABLE, error("SELECT * FROM nothing"));
        assertEquals(ErrorCode.ER_BAD_FIELD_ERROR, error("SELECT nope FROM items"));
        assertEquals(ErrorCode.ER_WRONG_VALUE_COUNT_ON_ROW, error("INSERT INTO items (name, qty) VALUES ('a')"));
        assertEquals(ErrorCode.ER_NO_DEFAULT_FOR_FIELD, error("INSERT INTO items (qty) VALUES (1)"));
        assertEquals(ErrorCode.ER_PARSE_ERROR, error("SELEC 1"));
        assertEquals(ErrorCode.ER_TABLE_EXISTS_ERROR, error("CREATE TABLE items (a INT)"));
        assertEquals(ErrorCode.ER_DB_CREATE_EXISTS, error("CREATE DATABASE shop"));
        ok("CREATE TABLE IF NOT EXISTS items (a INT)");
        assertEquals(ErrorCode.ER_DUP_ENTRY, error("INSERT INTO items (id, name) VALUES (1, 'a'), (1, 'b')"));
    }

    @Test
    void showAndDescribeLookLikeMysql() {
        setUpShop();
        assertEquals(List.of(List.of("information_schema"), List.of("shop")), rows("SHOW DATABASES"));
        try (StatementResult result = one(session, "SHOW TABLES")) {
            StatementResult.Rows rows = (StatementResult.Rows) result;
            assertEquals("Tables_in_shop", rows.columns().get(0).name());
            assertEquals("items", rows.rows().next()[0]);
        }
        List<List<Object>> describe = rows("DESCRIBE items");
        assertEquals(Arrays.asList("id", "int", "NO", "PRI", null, "auto_increment"), describe.get(0));
        assertEquals(Arrays.asList("price", "decimal(10,2)", "YES", "", "1.50", ""), describe.get(2));
        assertEquals(describe, rows("DESC items"));
        assertEquals(describe, rows("SHOW COLUMNS FROM items"));
        String create = (String) rows("SHOW CREATE TABLE items").get(0).get(1);
        assertEquals("CREATE TABLE `items` (\n"
                + "  `id` int NOT NULL AUTO_INCREMENT,\n"
                + "  `name` varchar(20) NOT NULL,\n"
                + "  `price` decimal(10,2) DEFAULT '1.50',\n"
                + "  `qty` int DEFAULT NULL,\n"
                + "  PRIMARY KEY (`id`)\n"
                + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci", create);
        assertEquals(List.of(List.of("autocommit", "ON")), rows("SHOW VARIABLES LIKE 'autocommit'"));
        assertEquals(1, rows("SHOW VARIABLES WHERE Variable_name = 'version_comment'").size());
        assertEquals(List.of(List.of("items")),
                rows("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'shop'"));
    }

    @Test
    void preparedStatementsBindParameters() {
        setUpShop();
        ok("INSERT INTO items (name, qty) VALUES ('a', 1), ('b', 2), ('c', 3)");
        var info = session.prepare("SELECT name FROM items WHERE qty >= ? ORDER BY name LIMIT ?");
        assertEquals(2, info.parameters().size());
        assertEquals(List.of("name"), info.columns().stream().map(ResultColumn::name).toList());
        try (StatementResult.Rows rows = (StatementResult.Rows) session.executePrepared(info.statementId(), List.of(2L, 1L))) {
            assertEquals("b", rows.rows().next()[0]);
            assertFalse(rows.rows().hasNext());
        }
        var insert = session.prepare("INSERT INTO items (name, qty) VALUES (?, ?)");
        assertEquals(2, insert.parameters().size());
        session.executePrepared(insert.statementId(), List.of("d", 4L));
        assertEquals(List.of(List.of(4L)), rows("SELECT qty FROM items WHERE name = 'd'"));
        session.closePrepared(insert.statementId());
        assertEquals(ErrorCode.ER_NO_SUCH_TABLE, assertThrows(StrataException.class,
                () -> session.prepare("INSERT INTO nothing VALUES (?)")).code());
        assertEquals(ErrorCode.ER_UNKNOWN_STMT_HANDLER, assertThrows(StrataException.class,
                () -> session.executePrepared(insert.statementId(), List.of())).code());
    }

    @Test
    void stringLiteralColumnsAreNamedAfterTheirValue() {
        try (StatementResult result = one(session, "SELECT \"abc\", 'it''s', 1 + 1")) {
            assertEquals(List.of("abc", "it's", "1 + 1"),
                    ((StatementResult.Rows) result).columns().stream().map(ResultColumn::name).toList());
        }
    }

    @Test
    void preparedResultColumnsNameTheirTable() {
        setUpShop();
        var info = session.prepare("SELECT id, name AS label, qty + 1 FROM items WHERE qty > ?");
        ResultColumn id = info.columns().get(0);
        assertEquals(List.of("shop", "items", "id"), List.of(id.database(), id.originalTable(), id.originalName()));
        assertTrue(id.primaryKey() && id.autoIncrement());
        assertEquals(List.of("items", "label", "name"),
                List.of(info.columns().get(1).table(), info.columns().get(1).name(), info.columns().get(1).originalName()));
        assertEquals("", info.columns().get(2).table());
        assertEquals(io.strata.common.type.TypeKind.BIGINT, info.columns().get(2).type().kind()); // MySQL: INT + 1 is BIGINT
    }

    @Test
    void killQueryReachesAnotherSession() {
        Session other = factory.open("root", null, 42);
        assertEquals(0, ok("KILL QUERY 42").affectedRows());
        assertEquals(ErrorCode.ER_NO_SUCH_THREAD, error("KILL 4242"));
        other.close();
        assertEquals(ErrorCode.ER_NO_SUCH_THREAD, error("KILL 42"));
    }

    @Test
    void multipleStatementsRunInOrder() {
        try (StatementResults results = session.execute("CREATE DATABASE m; USE m; SELECT DATABASE()", true)) {
            results.next().close();
            results.next().close();
            try (StatementResult.Rows rows = (StatementResult.Rows) results.next()) {
                assertEquals("m", rows.rows().next()[0]);
            }
            assertFalse(results.hasNext());
        }
        assertThrows(StrataException.class, () -> {
            try (StatementResults results = session.execute("SELECT 1; SELECT 2", false)) {
                results.next();
            }
        });
    }
}
