package io.strata.sql.parser;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.type.DataType;
import io.strata.common.type.TypeKind;
import io.strata.sql.parser.ast.AlterTableSpec;
import io.strata.sql.parser.ast.ColumnSpec;
import io.strata.sql.parser.ast.IndexSpec;
import io.strata.sql.parser.ast.SqlAlterTable;
import io.strata.sql.parser.ast.SqlCreateIndex;
import io.strata.sql.parser.ast.ShowKind;
import io.strata.sql.parser.ast.SqlCreateDatabase;
import io.strata.sql.parser.ast.SqlCreateTable;
import io.strata.sql.parser.ast.SqlDropDatabase;
import io.strata.sql.parser.ast.SqlDropTable;
import io.strata.sql.parser.ast.SqlSetVariables;
import io.strata.sql.parser.ast.SqlShow;
import io.strata.sql.parser.ast.SqlTransactionControl;
import io.strata.sql.parser.ast.SqlUseDatabase;
import io.strata.sql.parser.ast.TransactionKind;
import io.strata.sql.parser.ast.VariableAssignment;
import io.strata.sql.parser.ast.VariableScope;
import org.apache.calcite.sql.SqlDescribeTable;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StrataParserTest {

    @Test
    void createDatabaseWithIfNotExistsAndCharset() {
        SqlCreateDatabase node = (SqlCreateDatabase) StrataParser.parseOne(
                "CREATE DATABASE IF NOT EXISTS shop DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        assertEquals("shop", node.database());
        assertTrue(node.ifNotExists);
    }

    @Test
    void dropDatabaseIfExists() {
        SqlDropDatabase node = (SqlDropDatabase) StrataParser.parseOne("DROP DATABASE IF EXISTS shop");
        assertEquals("shop", node.database());
    }

    @Test
    void createTableWithColumnOptionsKeysAndTableOptions() {
        SqlCreateTable node = (SqlCreateTable) StrataParser.parseOne("""
                CREATE TABLE IF NOT EXISTS `orders` (
                  id BIGINT NOT NULL AUTO_INCREMENT COMMENT 'the id',
                  name VARCHAR(20) DEFAULT 'x' NULL,
                  price DECIMAL(10,2) NOT NULL DEFAULT -1.5,
                  qty INT UNSIGNED DEFAULT 0,
                  created DATETIME(3) DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
                  ts TIMESTAMP, d DATE, t TIME, f FLOAT, r REAL, dd DOUBLE, b BOOL, bb BOOLEAN,
                  body TEXT, c CHAR(3), j JSON, bl BLOB, vb VARBINARY(16), v VECF32(3), v2 VECF64(2),
                  ti TINYINT, si SMALLINT, n NUMERIC,
                  PRIMARY KEY (id),
                  KEY idx_name (name),
                  UNIQUE KEY uk (c)
                ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='orders table'""");
        assertEquals("orders", node.name().getSimple());
        assertTrue(node.ifNotExists());
        assertEquals("orders table", node.comment());
        assertEquals(List.of(List.of("id")), node.primaryKeys());
        List<ColumnSpec> columns = node.columns();
        assertEquals(23, columns.size());
        ColumnSpec id = columns.get(0);
        assertEquals(DataType.BIGINT, id.type());
        assertEquals(Boolean.FALSE, id.nullable());
        assertTrue(id.autoIncrement());
        assertEquals("the id", id.comment());
        assertEquals("'x'", columns.get(1).defaultSql());
        assertEquals(DataType.varchar(20), columns.get(1).type());
        assertEquals(DataType.decimal(10, 2), columns.get(2).type());
        assertEquals("-1.5", columns.get(2).defaultSql());
        assertEquals("0", columns.get(3).defaultSql());
        assertEquals(DataType.datetime(3), columns.get(4).type());
        assertEquals("CURRENT_TIMESTAMP", columns.get(4).defaultSql());
        assertEquals(TypeKind.BOOLEAN, columns.get(11).type().kind());
        assertEquals(DataType.TEXT, columns.get(13).type());
        assertEquals(DataType.vecf32(3), columns.get(18).type());
        assertEquals(DataType.vecf64(2), columns.get(19).type());
        assertEquals(DataType.decimal(10, 0), columns.get(22).type());
    }

    @Test
    void columnLevelPrimaryKey() {
        SqlCreateTable node = (SqlCreateTable) StrataParser.parseOne("create table t (id int primary key, v int)");
        assertTrue(node.columns().get(0).primaryKey());
        assertFalse(node.columns().get(1).primaryKey());
        assertNull(node.columns().get(1).nullable());
    }

    @Test
    void dropSeveralTables() {
        SqlDropTable node = (SqlDropTable) StrataParser.parseOne("DROP TABLE IF EXISTS a, db.b");
        assertTrue(node.ifExists());
        assertEquals(2, node.tables().size());
        assertEquals(List.of("db", "b"), node.tables().get(1).names);
    }

    @Test
    void useDatabase() {
        assertEquals("shop", ((SqlUseDatabase) StrataParser.parseOne("USE `shop`")).database());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SHOW DATABASES", "SHOW SCHEMAS", "SHOW TABLES", "SHOW FULL TABLES FROM db LIKE 't%'",
            "SHOW COLUMNS FROM t", "SHOW FULL COLUMNS FROM t FROM db", "SHOW CREATE TABLE t",
            "SHOW VARIABLES", "SHOW SESSION VARIABLES LIKE 'auto%'", "SHOW GLOBAL VARIABLES WHERE Variable_name = 'x'",
            "SHOW WARNINGS", "SHOW STATUS LIKE 'Up%'", "SHOW ENGINES", "SHOW COLLATION", "SHOW CHARSET",
            "SHOW CHARACTER SET", "SHOW INDEX FROM t", "SHOW CREATE DATABASE d"})
    void showForms(String sql) {
        assertInstanceOf(SqlShow.class, StrataParser.parseOne(sql));
    }

    @Test
    void showDetails() {
        SqlShow show = (SqlShow) StrataParser.parseOne("SHOW FULL TABLES FROM db LIKE 't%'");
        assertEquals(ShowKind.TABLES, show.kind());
        assertTrue(show.full());
        assertEquals("db", show.database().getSimple());
        assertEquals("t%", show.likePattern());
        SqlShow desc = (SqlShow) StrataParser.parseOne("DESC t");
        assertEquals(ShowKind.COLUMNS, desc.kind());
        assertEquals("t", desc.target().getSimple());
    }

    @Test
    void describeIsCalcitesDescribeTable() {
        assertInstanceOf(SqlDescribeTable.class, StrataParser.parseOne("DESCRIBE t"));
    }

    @Test
    void transactionControl() {
        assertEquals(TransactionKind.BEGIN, ((SqlTransactionControl) StrataParser.parseOne("BEGIN")).kind());
        assertEquals(TransactionKind.BEGIN, ((SqlTransactionControl) StrataParser.parseOne("START TRANSACTION")).kind());
        assertEquals(TransactionKind.COMMIT, ((SqlTransactionControl) StrataParser.parseOne("COMMIT")).kind());
        assertEquals(TransactionKind.ROLLBACK, ((SqlTransactionControl) StrataParser.parseOne("rollback work")).kind());
    }

    @Test
    void setVariablesInAllForms() {
        SqlSetVariables set = (SqlSetVariables) StrataParser.parseOne(
                "SET autocommit = 0, @@session.sql_mode = 'ANSI', @@x = 1, GLOBAL max_connections = 10, @u := 5");
        List<VariableAssignment> a = set.assignments();
        assertEquals(5, a.size());
        assertEquals("autocommit", a.get(0).name());
        assertEquals(VariableScope.SESSION, a.get(1).scope());
        assertEquals("sql_mode", a.get(1).name());
        assertEquals(VariableScope.GLOBAL, a.get(3).scope());
        assertEquals(VariableScope.USER, a.get(4).scope());
        assertEquals("u", a.get(4).name());
    }

    @Test
    void setNamesCharsetAndTransaction() {
        SqlSetVariables names = (SqlSetVariables) StrataParser.parseOne("SET NAMES utf8mb4 COLLATE utf8mb4_general_ci");
        assertEquals(4, names.assignments().size());
        SqlSetVariables charset = (SqlSetVariables) StrataParser.parseOne("SET CHARACTER SET utf8");
        assertEquals(2, charset.assignments().size());
        SqlSetVariables iso = (SqlSetVariables) StrataParser.parseOne(
                "SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED");
        assertEquals("transaction_isolation", iso.assignments().get(0).name());
        assertInstanceOf(SqlSetVariables.class, StrataParser.parseOne("SET TRANSACTION READ ONLY"));
        assertInstanceOf(SqlSetVariables.class, StrataParser.parseOne("SET autocommit=ON"));
        assertInstanceOf(SqlSetVariables.class, StrataParser.parseOne("SET sql_mode=DEFAULT"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT @@version_comment LIMIT 1",
            "/* mysql-connector-j-9.1.0 (Revision: x) */SELECT @@session.auto_increment_increment AS auto_increment_increment, "
                    + "@@character_set_client AS character_set_client, @@global.max_allowed_packet",
            "SELECT DATABASE()", "SELECT USER()", "SELECT VERSION()", "SELECT CONNECTION_ID()", "SELECT LAST_INSERT_ID()",
            "SELECT 1", "SELECT NOW()", "SELECT @a", "select current_user()",
            "SELECT a, b FROM t WHERE a != 1 ORDER BY b LIMIT 2, 3",
            "SELECT `a` FROM `db`.`t` GROUP BY a HAVING count(*) > 1"})
    void mysqlSelects(String sql) {
        SqlNode node = StrataParser.parseOne(sql);
        assertTrue(node instanceof SqlSelect || node instanceof SqlOrderBy, node.getClass().getName());
    }

    @Test
    void insertUpdateDelete() {
        assertInstanceOf(SqlInsert.class, StrataParser.parseOne("INSERT INTO t (a, b) VALUES (1, 'x'), (2, 'y')"));
        assertEquals(SqlKind.UPDATE, StrataParser.parseOne("UPDATE t SET a = a + 1 WHERE b = 'x'").getKind());
        assertEquals(SqlKind.DELETE, StrataParser.parseOne("DELETE FROM t WHERE a > 1").getKind());
    }

    @Test
    void multipleStatementsAreSplitByTheParser() {
        List<SqlNode> statements = StrataParser.parseStatements("SELECT ';'; SELECT 2;");
        assertEquals(2, statements.size());
    }

    @Test
    void syntaxErrorHasMysqlShapeAndPosition() {
        StrataException e = assertThrows(StrataException.class,
                () -> StrataParser.parseOne("SELECT 1\nFROM WHERE x"));
        assertEquals(ErrorCode.ER_PARSE_ERROR, e.code());
        assertEquals("You have an error in your SQL syntax; check the manual that corresponds to your MySQL server "
                + "version for the right syntax to use near 'WHERE x' at line 2", e.getMessage());
    }

    @Test
    void setNamesIsAnItemOfASetList() {
        SqlSetVariables set = (SqlSetVariables) StrataParser.parseOne(
                "set sql_mode=CONCAT(@@sql_mode,',STRICT_TRANS_TABLES'),NAMES utf8mb4");
        assertEquals(4, set.assignments().size());
        assertEquals("character_set_results", set.assignments().get(3).name());
        SqlSetVariables charset = (SqlSetVariables) StrataParser.parseOne("SET CHARACTER SET utf8, @a = 1, names = 2");
        assertEquals(4, charset.assignments().size());
    }

    @Test
    void mysqlNonReservedWordsNameColumnsAndAliases() {
        SqlSelect select = (SqlSelect) StrataParser.parseOne(
                "SELECT 1 AS one, result, scope, language, position, user FROM t");
        assertEquals(6, select.getSelectList().size());
        assertInstanceOf(SqlSelect.class, StrataParser.parseOne("SELECT POSITION('b' IN 'abc'), USER()"));
    }

    @Test
    void mysqlStringLiteralsAndSyntaxErrorPositions() {
        assertInstanceOf(SqlSelect.class, StrataParser.parseOne("SELECT \"a'b\", 'x\\'y' 'z' # done"));
        StrataException error = assertThrows(StrataException.class,
                () -> StrataParser.parseOne("SELECT \"a'b\", '\\n' FROM WHERE x"));
        assertTrue(error.getMessage().contains("near 'WHERE x' at line 1"), error.getMessage());
    }

    @Test
    void executableCommentsAreParsedAndPlainCommentsSkipped() {
        List<SqlNode> statements = StrataParser.parseStatements(
                "/*!40101 SET NAMES utf8mb4 */; /* plain */ SELECT '/*!not a comment */'; CREATE TABLE t (a INT) /*!ENGINE=x*/");
        assertEquals(3, statements.size());
        assertInstanceOf(SqlSetVariables.class, statements.get(0));
        assertInstanceOf(SqlCreateTable.class, statements.get(2));
    }

    @Test
    void killAndTruncateAndIndexes() {
        io.strata.sql.parser.ast.SqlKill kill = (io.strata.sql.parser.ast.SqlKill) StrataParser.parseOne("KILL QUERY 7");
        assertTrue(kill.queryOnly());
        assertEquals(7, kill.connectionId());
        assertFalse(((io.strata.sql.parser.ast.SqlKill) StrataParser.parseOne("KILL CONNECTION 8")).queryOnly());
        assertFalse(((io.strata.sql.parser.ast.SqlKill) StrataParser.parseOne("kill 9")).queryOnly());
        assertInstanceOf(io.strata.sql.parser.ast.SqlTruncateTable.class, StrataParser.parseOne("TRUNCATE TABLE t"));
        assertInstanceOf(io.strata.sql.parser.ast.SqlCreateIndex.class, StrataParser.parseOne("CREATE UNIQUE INDEX i ON t (a, b)"));
        assertInstanceOf(io.strata.sql.parser.ast.SqlDropIndex.class, StrataParser.parseOne("DROP INDEX i ON t"));
    }

    @Test
    void createTableKeepsSecondaryIndexesInDeclarationOrder() {
        SqlCreateTable node = (SqlCreateTable) StrataParser.parseOne("""
                CREATE TABLE t (a INT UNIQUE, b INT UNIQUE KEY, c INT KEY, d VARCHAR(20),
                  KEY (b, c), INDEX named USING BTREE (d(10) DESC), UNIQUE (c) USING HASH,
                  CONSTRAINT sym UNIQUE KEY (d), CONSTRAINT sym2 UNIQUE INDEX given (a, b),
                  CONSTRAINT UNIQUE (b))""");
        assertEquals(List.of(
                new IndexSpec(null, List.of("a"), true),
                new IndexSpec(null, List.of("b"), true),
                new IndexSpec(null, List.of("b", "c"), false),
                new IndexSpec("named", List.of("d"), false),
                new IndexSpec(null, List.of("c"), true),
                new IndexSpec("sym", List.of("d"), true),
                new IndexSpec("given", List.of("a", "b"), true),
                new IndexSpec(null, List.of("b"), true)), node.indexes());
        assertTrue(node.columns().get(2).primaryKey(), "a column-level KEY is the PRIMARY KEY");
        assertEquals(ErrorCode.ER_PARSE_ERROR, assertThrows(StrataException.class,
                () -> StrataParser.parseOne("CREATE TABLE t (a INT, KEY (a) USING RTREE)")).code());
    }

    @Test
    void createIndexKeepsUniqueFlag() {
        SqlCreateIndex unique = (SqlCreateIndex) StrataParser.parseOne("CREATE UNIQUE INDEX u USING BTREE ON d.t (a, b(4))");
        assertEquals(new IndexSpec("u", List.of("a", "b"), true), unique.index());
        assertEquals(List.of("d", "t"), unique.table().names);
        assertFalse(((SqlCreateIndex) StrataParser.parseOne("CREATE INDEX i ON t (a)")).unique());
    }

    @Test
    void alterTableParsesIndexSpecsAndNamesOtherSpecs() {
        SqlAlterTable alter = (SqlAlterTable) StrataParser.parseOne("ALTER TABLE t ADD INDEX (a), ADD UNIQUE KEY u (b), "
                + "ADD CONSTRAINT c UNIQUE (c), ADD CONSTRAINT UNIQUE INDEX (d), ADD KEY k USING BTREE (e, f), "
                + "DROP INDEX i, DROP KEY k2, DISABLE KEYS");
        assertEquals(List.of(
                new AlterTableSpec.AddIndex(new IndexSpec(null, List.of("a"), false)),
                new AlterTableSpec.AddIndex(new IndexSpec("u", List.of("b"), true)),
                new AlterTableSpec.AddIndex(new IndexSpec("c", List.of("c"), true)),
                new AlterTableSpec.AddIndex(new IndexSpec(null, List.of("d"), true)),
                new AlterTableSpec.AddIndex(new IndexSpec("k", List.of("e", "f"), false)),
                new AlterTableSpec.DropIndex("i"),
                new AlterTableSpec.DropIndex("k2"),
                new AlterTableSpec.SwitchKeys(false)), alter.specs());
        SqlAlterTable other = (SqlAlterTable) StrataParser.parseOne("ALTER TABLE t ADD COLUMN x DECIMAL(10, 2) NOT NULL, "
                + "DROP PRIMARY KEY, ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES u (b), RENAME TO t2, MODIFY c INT, "
                + "ENGINE = InnoDB");
        assertEquals(List.of(new AlterTableSpec.Unsupported("ADD COLUMN"), new AlterTableSpec.Unsupported("DROP PRIMARY KEY"),
                new AlterTableSpec.Unsupported("ADD CONSTRAINT"), new AlterTableSpec.Unsupported("RENAME TO"),
                new AlterTableSpec.Unsupported("MODIFY"), new AlterTableSpec.Unsupported("ENGINE")), other.specs());
        assertInstanceOf(SqlAlterTable.class, StrataParser.parseStatements("/*!40000 ALTER TABLE `t` ENABLE KEYS */; SELECT 1").get(0));
        assertEquals(ErrorCode.ER_PARSE_ERROR, assertThrows(StrataException.class,
                () -> StrataParser.parseOne("ALTER TABLE t")).code());
    }

    @Test
    void emptyQuery() {
        assertEquals(ErrorCode.ER_EMPTY_QUERY,
                assertThrows(StrataException.class, () -> StrataParser.parseStatements("  ")).code());
    }

    @Test
    void unknownColumnTypeIsASyntaxError() {
        assertEquals(ErrorCode.ER_PARSE_ERROR,
                assertThrows(StrataException.class, () -> StrataParser.parseOne("CREATE TABLE t (a FOO)")).code());
    }

    @Test
    void compoundIntervalUnitsBecomeCallsSpanningTheIntervalsText() {
        String sql = "SELECT DATE_ADD(d, INTERVAL '1:30' HOUR_MINUTE) AS a, d - INTERVAL (n + 1) DAY_MICROSECOND FROM t";
        SqlSelect select = (SqlSelect) StrataParser.parseOne(sql);
        org.apache.calcite.sql.SqlCall dateAdd = (org.apache.calcite.sql.SqlCall)
                ((org.apache.calcite.sql.SqlCall) select.getSelectList().get(0)).operand(0);
        org.apache.calcite.sql.SqlCall interval = dateAdd.operand(1);
        assertEquals("INTERVL", interval.getOperator().getName());
        assertEquals("INTERVAL '1:30' HOUR_MINUTE", new io.strata.sql.session.SqlText(sql).slice(interval.getParserPosition()));
        assertEquals("'1:30'", interval.operand(0).toString());
        assertEquals(String.valueOf(io.strata.compute.expression.IntervalUnit.HOUR_MINUTE.ordinal()), interval.operand(1).toString());
        org.apache.calcite.sql.SqlCall minus = (org.apache.calcite.sql.SqlCall) select.getSelectList().get(1);
        assertEquals("d - INTERVAL (n + 1) DAY_MICROSECOND", new io.strata.sql.session.SqlText(sql).slice(minus.getParserPosition()));
    }

    @Test
    void intervalsCalciteKnowsAndMysqlsIntervalFunctionAreLeftAlone() {
        SqlSelect select = (SqlSelect) StrataParser.parseOne("SELECT d + INTERVAL '1' DAY, INTERVAL 2 HOUR + d FROM t");
        assertFalse(select.getSelectList().toString().contains("INTERVL"));
    }

    @Test
    void convertWithATypeCalciteCannotReadBecomesConvAsOfTheTypesNumbers() {
        String sql = "SELECT CONVERT(price * 2, DECIMAL(10, 2)), CONVERT(name, CHAR), CONVERT(name USING utf8mb4) FROM t";
        SqlSelect select = (SqlSelect) StrataParser.parseOne(sql);
        org.apache.calcite.sql.SqlCall decimal = (org.apache.calcite.sql.SqlCall) select.getSelectList().get(0);
        assertEquals("CONV_AS", decimal.getOperator().getName());
        assertEquals(List.of("`price` * 2", String.valueOf(io.strata.sql.plan.MysqlCasts.Kind.DECIMAL.ordinal()), "10", "2"),
                decimal.getOperandList().stream().map(SqlNode::toString).toList());
        assertEquals("CONVERT(price * 2, DECIMAL(10, 2))", new io.strata.sql.session.SqlText(sql).slice(decimal.getParserPosition()));
        org.apache.calcite.sql.SqlCall price = decimal.operand(0);
        assertEquals("price * 2", new io.strata.sql.session.SqlText(sql).slice(price.getParserPosition()),
                "the converted expression keeps its place");
        assertEquals("CONV_AS", ((org.apache.calcite.sql.SqlCall) select.getSelectList().get(1)).getOperator().getName());
        assertFalse(select.getSelectList().get(2).toString().contains("CONV_AS"), "CONVERT USING is Calcite's");
    }
}
