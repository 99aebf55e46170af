package io.strata.tests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What Connector/J learns from the server about results and the catalog: ResultSetMetaData column
 * types as MySQL reports them (text and binary protocol), and DatabaseMetaData basics.
 */
class MetadataTest {
    private static final String DATABASE = "jt_metadata";
    private static final String SELECT_ALL = "SELECT id, big, price, ratio, name, body, born, seen, stamp, active FROM typed";

    @RegisterExtension
    static final SuiteDatabase database = new SuiteDatabase(DATABASE,
            "CREATE TABLE typed (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, big BIGINT, "
                    + "price DECIMAL(10,2), ratio DOUBLE, name VARCHAR(40) NOT NULL, body TEXT, born DATE, "
                    + "seen DATETIME, stamp TIMESTAMP NULL, active BOOLEAN)",
            "INSERT INTO typed (name) VALUES ('x')");

    @Test
    void resultColumnTypesAreMysqls() throws SQLException {
        try (Connection connection = database.target().connect(DATABASE, "");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(SELECT_ALL)) {
            checkColumnTypes(result.getMetaData());
        }
    }

    @Test
    void resultColumnTypesAreMysqlsForServerSidePreparedStatements() throws SQLException {
        try (Connection connection = database.target().connect(DATABASE, "useServerPrepStmts=true");
             PreparedStatement statement = connection.prepareStatement(SELECT_ALL + " WHERE id > ?")) {
            checkColumnTypes(statement.getMetaData());
            statement.setInt(1, 0);
            try (ResultSet result = statement.executeQuery()) {
                checkColumnTypes(result.getMetaData());
            }
        }
    }

    private static void checkColumnTypes(ResultSetMetaData metaData) throws SQLException {
        assertEquals(10, metaData.getColumnCount());
        int[] types = {Types.INTEGER, Types.BIGINT, Types.DECIMAL, Types.DOUBLE, Types.VARCHAR, Types.LONGVARCHAR,
                Types.DATE, Types.TIMESTAMP, Types.TIMESTAMP, Types.BIT};
        String[] typeNames = {"INT", "BIGINT", "DECIMAL", "DOUBLE", "VARCHAR", "TEXT", "DATE", "DATETIME", "TIMESTAMP", "BIT"};
        String[] names = {"id", "big", "price", "ratio", "name", "body", "born", "seen", "stamp", "active"};
        for (int i = 0; i < types.length; i++) {
            int column = i + 1;
            assertEquals(names[i], metaData.getColumnLabel(column), "label of column " + column);
            assertEquals(typeNames[i], metaData.getColumnTypeName(column), "type name of " + names[i]);
            assertEquals(types[i], metaData.getColumnType(column), "java.sql.Types of " + names[i]);
            assertEquals("typed", metaData.getTableName(column), "table of " + names[i]);
        }
        assertEquals(10, metaData.getPrecision(3), "DECIMAL(10,2) precision");
        assertEquals(2, metaData.getScale(3), "DECIMAL(10,2) scale");
        assertEquals(40, metaData.getPrecision(5), "VARCHAR(40) length in characters");
        assertEquals(ResultSetMetaData.columnNoNulls, metaData.isNullable(1), "id is NOT NULL");
        assertEquals(ResultSetMetaData.columnNoNulls, metaData.isNullable(5), "name is NOT NULL");
        assertEquals(ResultSetMetaData.columnNullable, metaData.isNullable(2), "big is nullable");
        assertTrue(metaData.isAutoIncrement(1), "id is AUTO_INCREMENT");
        assertFalse(metaData.isAutoIncrement(2), "big is not AUTO_INCREMENT");
    }

    @Test
    void aggregateAndExpressionTypesAreMysqls() throws SQLException {
        try (Connection connection = database.target().connect(DATABASE, "");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT COUNT(*) AS n, SUM(id) AS s, AVG(id) AS a, MAX(name) AS m, "
                     + "id + 1 AS next_id FROM typed GROUP BY id")) {
            ResultSetMetaData metaData = result.getMetaData();
            assertEquals(Types.BIGINT, metaData.getColumnType(1), "COUNT(*) is BIGINT");
            assertEquals(Types.DECIMAL, metaData.getColumnType(2), "SUM(INT) is DECIMAL");
            assertEquals(Types.DECIMAL, metaData.getColumnType(3), "AVG(INT) is DECIMAL");
            assertEquals(Types.VARCHAR, metaData.getColumnType(4), "MAX(VARCHAR) is VARCHAR");
            assertEquals(Types.BIGINT, metaData.getColumnType(5), "INT + 1 is BIGINT");
            assertEquals("n", metaData.getColumnLabel(1));
            assertEquals("next_id", metaData.getColumnLabel(5));
            assertTrue(result.next());
            assertEquals(1, result.getLong(1));
            assertEquals(2, result.getLong(5));
        }
    }

    @Test
    void databaseProductAndVersion() throws SQLException {
        try (Connection connection = database.target().connect()) {
            DatabaseMetaData metaData = connection.getMetaData();
            assertEquals("MySQL", metaData.getDatabaseProductName(), "Connector/J's name for any MySQL-protocol server");
            String version = metaData.getDatabaseProductVersion();
            assertTrue(version.matches("\\d+\\.\\d+\\.\\d+.*"), "version " + version);
            if (database.target().name().equals("strata")) {
                assertTrue(version.startsWith("8.0."), "Strata presents itself as MySQL 8.0: " + version);
                assertEquals(8, metaData.getDatabaseMajorVersion());
            }
        }
    }

    @Test
    void showDatabasesListsTheSuitesDatabase() throws SQLException {
        try (Connection connection = database.target().connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SHOW DATABASES")) {
            assertEquals("Database", result.getMetaData().getColumnLabel(1));
            List<String> databases = new ArrayList<>();
            while (result.next()) {
                databases.add(result.getString(1));
            }
            assertTrue(databases.contains(DATABASE), "SHOW DATABASES: " + databases);
        }
    }

    @Test
    void getTablesListsTheTable() throws SQLException {
        try (Connection connection = database.target().connect(DATABASE, "");
             ResultSet tables = connection.getMetaData().getTables(DATABASE, null, "%", new String[] {"TABLE"})) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME"));
                assertEquals(DATABASE, tables.getString("TABLE_CAT"));
            }
            assertEquals(List.of("typed"), names);
        }
    }

    @Test
    void getColumnsDescribesEveryColumn() throws SQLException {
        try (Connection connection = database.target().connect(DATABASE, "");
             ResultSet columns = connection.getMetaData().getColumns(DATABASE, null, "typed", "%")) {
            List<String> described = new ArrayList<>();
            while (columns.next()) {
                described.add(columns.getString("COLUMN_NAME") + ":" + columns.getInt("DATA_TYPE") + ":"
                        + columns.getString("IS_NULLABLE"));
            }
            assertEquals(List.of("id:" + Types.INTEGER + ":NO", "big:" + Types.BIGINT + ":YES",
                    "price:" + Types.DECIMAL + ":YES", "ratio:" + Types.DOUBLE + ":YES", "name:" + Types.VARCHAR + ":NO",
                    "body:" + Types.LONGVARCHAR + ":YES", "born:" + Types.DATE + ":YES", "seen:" + Types.TIMESTAMP + ":YES",
                    "stamp:" + Types.TIMESTAMP + ":YES", "active:" + Types.BIT + ":YES"), described);
        }
    }

    @Test
    void getPrimaryKeysNamesTheKeyColumn() throws SQLException {
        try (Connection connection = database.target().connect(DATABASE, "");
             ResultSet keys = connection.getMetaData().getPrimaryKeys(DATABASE, null, "typed")) {
            assertTrue(keys.next(), "a primary key");
            assertEquals("id", keys.getString("COLUMN_NAME"));
            assertEquals(1, keys.getInt("KEY_SEQ"));
            assertFalse(keys.next(), "a single-column key");
        }
    }
}
