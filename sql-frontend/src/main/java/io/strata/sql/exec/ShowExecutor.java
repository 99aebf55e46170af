package io.strata.sql.exec;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.common.session.ResultColumn;
import io.strata.common.session.StatementResult;
import io.strata.common.type.DataType;
import io.strata.sql.catalog.ColumnDescriptions;
import io.strata.sql.catalog.TableKeys;
import io.strata.sql.parser.ast.SqlShow;
import io.strata.sql.session.SessionState;
import io.strata.sql.session.SystemVariables;
import io.strata.txn.catalog.CatalogSnapshot;
import io.strata.txn.catalog.ColumnDefinition;
import io.strata.txn.catalog.TableDefinition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** SHOW ... and DESCRIBE, answered from the catalog and the session, in MySQL's column layout. */
public final class ShowExecutor {
    private static final String INFORMATION_SCHEMA = "information_schema";

    private ShowExecutor() {}

    public static StatementResult.Rows execute(SqlShow show, StatementContext context) {
        return switch (show.kind()) {
            case DATABASES -> databases(show, context);
            case TABLES -> tables(show, context);
            case TABLE_STATUS -> tableStatus(show, context);
            case COLUMNS -> columns(show, context);
            case INDEX -> index(show, context);
            case CREATE_TABLE -> createTable(show, context);
            case CREATE_DATABASE -> createDatabase(show, context);
            case VARIABLES -> variables(show, context);
            case WARNINGS, ERRORS -> warnings(show, context.session());
            case STATUS -> throw new IllegalStateException("SHOW STATUS is answered by status()");
            case ENGINES -> filtered(show, context, MemoryRows.textColumns("Engine", "Support", "Comment", "Transactions",
                    "XA", "Savepoints"), List.<Object[]>of(new Object[] {"Strata", "DEFAULT",
                    "Columnar HTAP storage on object storage", "YES", "NO", "NO"}));
            case COLLATION -> filtered(show, context, MemoryRows.textColumns("Collation", "Charset", "Id", "Default",
                    "Compiled", "Sortlen", "Pad_attribute"), List.of(
                    new Object[] {"utf8mb4_0900_ai_ci", "utf8mb4", "255", "Yes", "Yes", "0", "NO PAD"},
                    new Object[] {"utf8mb4_bin", "utf8mb4", "46", "", "Yes", "1", "PAD SPACE"},
                    new Object[] {"utf8mb4_general_ci", "utf8mb4", "45", "", "Yes", "1", "PAD SPACE"},
                    new Object[] {"binary", "binary", "63", "Yes", "Yes", "1", "NO PAD"}));
            case CHARSET -> filtered(show, context, MemoryRows.textColumns("Charset", "Description", "Default collation",
                    "Maxlen"), List.of(
                    new Object[] {"utf8mb4", "UTF-8 Unicode", "utf8mb4_0900_ai_ci", "4"},
                    new Object[] {"utf8mb3", "UTF-8 Unicode", "utf8mb3_general_ci", "3"},
                    new Object[] {"binary", "Binary pseudo charset", "binary", "1"}));
            case PROCESSLIST -> MemoryRows.result(MemoryRows.textColumns("Id", "User", "Host", "db", "Command", "Time",
                    "State", "Info"), List.<Object[]>of(new Object[] {String.valueOf(context.session().connectionId()),
                    context.session().user(), "localhost", context.database(), "Query", "0", "executing", "SHOW PROCESSLIST"}));
        };
    }

    /** SHOW [GLOBAL | SESSION] STATUS [LIKE ... | WHERE ...] over {@code rows} (name, value). */
    public static StatementResult.Rows status(SqlShow show, StatementContext context, List<Object[]> rows) {
        return filtered(show, context, MemoryRows.textColumns("Variable_name", "Value"), rows);
    }

    private static StatementResult.Rows filtered(SqlShow show, StatementContext context, List<ResultColumn> columns,
                                                 List<Object[]> rows) {
        List<Object[]> result = MemoryRows.like(rows, 0, show.likePattern());
        return MemoryRows.result(columns, MemoryRows.where(columns, result, show.where(), context));
    }

    private static StatementResult.Rows databases(SqlShow show, StatementContext context) {
        List<Object[]> rows = new ArrayList<>();
        for (String database : context.transaction().catalog().databases()) {
            rows.add(new Object[] {database});
        }
        rows.add(new Object[] {INFORMATION_SCHEMA});
        rows.sort((a, b) -> a[0].toString().compareTo(b[0].toString()));
        String name = show.likePattern() == null ? "Database" : "Database (" + show.likePattern() + ")";
        return filtered(show, context, MemoryRows.textColumns(name), rows);
    }

    private static String database(SqlShow show, StatementContext context) {
        String database = show.database() != null ? show.database().getSimple().toLowerCase(Locale.ROOT) : context.database();
        if (database == null) {
            throw new StrataException(ErrorCode.ER_NO_DB_ERROR, "No database selected");
        }
        if (!database.equals(INFORMATION_SCHEMA) && !context.transaction().catalog().databaseExists(database)) {
            throw StrataException.of(ErrorCode.ER_BAD_DB_ERROR, "Unknown database '%s'", database);
        }
        return database;
    }

    private static StatementResult.Rows tables(SqlShow show, StatementContext context) {
        String database = database(show, context);
        List<Object[]> rows = new ArrayList<>();
        for (TableDefinition table : context.transaction().catalog().tables(database)) {
            rows.add(show.full() ? new Object[] {table.name(), "BASE TABLE"} : new Object[] {table.name()});
        }
        String name = "Tables_in_" + database + (show.likePattern() == null ? "" : " (" + show.likePattern() + ")");
        List<ResultColumn> columns = show.full() ? MemoryRows.textColumns(name, "Table_type") : MemoryRows.textColumns(name);
        return filtered(show, context, columns, rows);
    }

    private static StatementResult.Rows tableStatus(SqlShow show, StatementContext context) {
        String database = database(show, context);
        List<Object[]> rows = new ArrayList<>();
        for (TableDefinition table : context.transaction().catalog().tables(database)) {
            rows.add(new Object[] {table.name(), "Strata", "10", "Dynamic", null, null, null, null, null, null, null,
                    null, null, null, "utf8mb4_0900_ai_ci", null, "", table.comment()});
        }
        return filtered(show, context, MemoryRows.textColumns("Name", "Engine", "Version", "Row_format", "Rows",
                "Avg_row_length", "Data_length", "Max_data_length", "Index_length", "Data_free", "Auto_increment",
                "Create_time", "Update_time", "Check_time", "Collation", "Checksum", "Create_options", "Comment"), rows);
    }

    private static TableDefinition table(SqlShow show, StatementContext context) {
        org.apache.calcite.sql.SqlIdentifier name = show.target();
        if (show.database() != null && name.names.size() == 1) {
            name = new org.apache.calcite.sql.SqlIdentifier(List.of(show.database().getSimple(), name.getSimple()),
                    name.getParserPosition());
        }
        return TableNames.definition(context, name);
    }

    private static StatementResult.Rows columns(SqlShow show, StatementContext context) {
        TableDefinition table = table(show, context);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            ColumnDefinition column = table.columns().get(i);
            String key = TableKeys.columnKey(table, i);
            String nullable = column.nullable() ? "YES" : "NO";
            String collation = column.type().kind().isString() ? "utf8mb4_0900_ai_ci" : null;
            rows.add(show.full()
                    ? new Object[] {column.name(), column.type().toSql(), collation, nullable, key,
                            ColumnDescriptions.defaultText(column), ColumnDescriptions.extra(column),
                            "select,insert,update,references", ""}
                    : new Object[] {column.name(), column.type().toSql(), nullable, key,
                            ColumnDescriptions.defaultText(column), ColumnDescriptions.extra(column)});
        }
        List<ResultColumn> columns = show.full()
                ? MemoryRows.textColumns("Field", "Type", "Collation", "Null", "Key", "Default", "Extra", "Privileges", "Comment")
                : MemoryRows.textColumns("Field", "Type", "Null", "Key", "Default", "Extra");
        return filtered(show, context, columns, rows);
    }

    private static StatementResult.Rows index(SqlShow show, StatementContext context) {
        TableDefinition table = table(show, context);
        List<Object[]> rows = new ArrayList<>();
        for (TableKeys.KeyColumn key : TableKeys.keyColumns(table)) {
            rows.add(new Object[] {table.name(), key.unique() ? "0" : "1", key.keyName(), String.valueOf(key.seqInIndex()),
                    key.column().name(), "A", "0", null, null, key.column().nullable() ? "YES" : "", "BTREE", "", "",
                    "YES", null});
        }
        return filtered(show, context, MemoryRows.textColumns("Table", "Non_unique", "Key_name", "Seq_in_index",
                "Column_name", "Collation", "Cardinality", "Sub_part", "Packed", "Null", "Index_type", "Comment",
                "Index_comment", "Visible", "Expression"), rows);
    }

    private static StatementResult.Rows createTable(SqlShow show, StatementContext context) {
        TableDefinition table = table(show, context);
        return MemoryRows.result(MemoryRows.textColumns("Table", "Create Table"),
                List.<Object[]>of(new Object[] {table.name(), ShowCreateTable.of(table)}));
    }

    private static StatementResult.Rows createDatabase(SqlShow show, StatementContext context) {
        String database = show.target().getSimple().toLowerCase(Locale.ROOT);
        CatalogSnapshot catalog = context.transaction().catalog();
        if (!catalog.databaseExists(database)) {
            throw StrataException.of(ErrorCode.ER_BAD_DB_ERROR, "Unknown database '%s'", database);
        }
        String text = "CREATE DATABASE `" + database + "` /*!40100 DEFAULT CHARACTER SET utf8mb4 "
                + "COLLATE utf8mb4_0900_ai_ci */ /*!80016 DEFAULT ENCRYPTION='N' */";
        return MemoryRows.result(MemoryRows.textColumns("Database", "Create Database"),
                List.<Object[]>of(new Object[] {database, text}));
    }

    private static StatementResult.Rows variables(SqlShow show, StatementContext context) {
        SessionState session = context.session();
        Map<String, Object> values = "GLOBAL".equals(show.scope()) ? session.globals().all() : session.variables().all();
        List<Object[]> rows = new ArrayList<>();
        values.forEach((name, value) -> rows.add(new Object[] {name, variableText(name, value)}));
        return filtered(show, context, MemoryRows.textColumns("Variable_name", "Value"), rows);
    }

    private static String variableText(String name, Object value) {
        if (value == null) {
            return "";
        }
        if (SystemVariables.isFlag(name) && value instanceof Long flag) {
            return flag != 0 ? "ON" : "OFF";
        }
        return value.toString();
    }

    private static StatementResult.Rows warnings(SqlShow show, SessionState session) {
        List<Object[]> rows = new ArrayList<>();
        for (SessionState.Warning warning : session.warnings()) {
            if (show.kind() == io.strata.sql.parser.ast.ShowKind.ERRORS && !warning.level().equals("Error")) {
                continue;
            }
            rows.add(new Object[] {warning.level(), (long) warning.code(), warning.message()});
        }
        List<ResultColumn> columns = List.of(ResultColumn.computed("Level", DataType.varchar(7), false),
                ResultColumn.computed("Code", DataType.INT, false),
                ResultColumn.computed("Message", DataType.varchar(512), false));
        return MemoryRows.result(columns, rows);
    }
}
