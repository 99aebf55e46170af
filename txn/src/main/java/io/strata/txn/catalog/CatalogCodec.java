package io.strata.txn.catalog;

import io.strata.common.type.DataType;
import io.strata.common.type.TypeKind;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Binary form of table definitions, DDL operations and whole catalogs, for the log and checkpoints. */
public final class CatalogCodec {
    private static final byte CREATE_DATABASE = 1;
    private static final byte DROP_DATABASE = 2;
    private static final byte CREATE_TABLE = 3;
    private static final byte DROP_TABLE = 4;
    private static final byte CREATE_INDEX = 5;
    private static final byte DROP_INDEX = 6;
    /**
     * Written before a table's id by the format that carries secondary indexes. Table ids are never
     * negative, so a table written before this format (starting with its id) is told apart.
     */
    private static final long TABLE_WITH_INDEXES = -2;

    private CatalogCodec() {}

    public static void writeTable(DataOutput out, TableDefinition table) throws IOException {
        out.writeLong(TABLE_WITH_INDEXES);
        out.writeLong(table.tableId());
        out.writeUTF(table.database());
        out.writeUTF(table.name());
        out.writeUTF(table.comment());
        out.writeInt(table.columns().size());
        for (ColumnDefinition column : table.columns()) {
            out.writeUTF(column.name());
            out.writeUTF(column.type().kind().name());
            out.writeInt(column.type().precision());
            out.writeInt(column.type().scale());
            out.writeBoolean(column.nullable());
            out.writeBoolean(column.defaultSql() != null);
            if (column.defaultSql() != null) {
                out.writeUTF(column.defaultSql());
            }
            out.writeBoolean(column.autoIncrement());
        }
        out.writeInt(table.primaryKey().size());
        for (int index : table.primaryKey()) {
            out.writeInt(index);
        }
        out.writeInt(table.indexes().size());
        for (IndexDefinition index : table.indexes()) {
            writeIndex(out, index);
        }
    }

    private static void writeIndex(DataOutput out, IndexDefinition index) throws IOException {
        out.writeUTF(index.name());
        out.writeBoolean(index.unique());
        out.writeInt(index.columns().size());
        for (int column : index.columns()) {
            out.writeInt(column);
        }
    }

    private static IndexDefinition readIndex(DataInput in) throws IOException {
        String name = in.readUTF();
        boolean unique = in.readBoolean();
        int columnCount = in.readInt();
        List<Integer> columns = new ArrayList<>(columnCount);
        for (int i = 0; i < columnCount; i++) {
            columns.add(in.readInt());
        }
        return new IndexDefinition(name, columns, unique);
    }

    public static TableDefinition readTable(DataInput in) throws IOException {
        long first = in.readLong();
        boolean withIndexes = first == TABLE_WITH_INDEXES;
        long tableId = withIndexes ? in.readLong() : first;
        String database = in.readUTF();
        String name = in.readUTF();
        String comment = in.readUTF();
        int columnCount = in.readInt();
        List<ColumnDefinition> columns = new ArrayList<>(columnCount);
        for (int i = 0; i < columnCount; i++) {
            String columnName = in.readUTF();
            DataType type = new DataType(TypeKind.valueOf(in.readUTF()), in.readInt(), in.readInt());
            boolean nullable = in.readBoolean();
            String defaultSql = in.readBoolean() ? in.readUTF() : null;
            columns.add(new ColumnDefinition(columnName, type, nullable, defaultSql, in.readBoolean()));
        }
        int keyCount = in.readInt();
        List<Integer> primaryKey = new ArrayList<>(keyCount);
        for (int i = 0; i < keyCount; i++) {
            primaryKey.add(in.readInt());
        }
        List<IndexDefinition> indexes = new ArrayList<>();
        if (withIndexes) {
            int indexCount = in.readInt();
            for (int i = 0; i < indexCount; i++) {
                indexes.add(readIndex(in));
            }
        }
        return new TableDefinition(tableId, database, name, columns, primaryKey, comment, indexes);
    }

    public static void writeDdl(DataOutput out, DdlOp op) throws IOException {
        switch (op) {
            case DdlOp.CreateDatabase create -> {
                out.writeByte(CREATE_DATABASE);
                out.writeUTF(create.database());
            }
            case DdlOp.DropDatabase drop -> {
                out.writeByte(DROP_DATABASE);
                out.writeUTF(drop.database());
            }
            case DdlOp.CreateTable create -> {
                out.writeByte(CREATE_TABLE);
                writeTable(out, create.definition());
            }
            case DdlOp.DropTable drop -> {
                out.writeByte(DROP_TABLE);
                out.writeUTF(drop.database());
                out.writeUTF(drop.table());
            }
            case DdlOp.CreateIndex create -> {
                out.writeByte(CREATE_INDEX);
                out.writeLong(create.tableId());
                writeIndex(out, create.index());
            }
            case DdlOp.DropIndex drop -> {
                out.writeByte(DROP_INDEX);
                out.writeLong(drop.tableId());
                out.writeUTF(drop.indexName());
            }
        }
    }

    public static DdlOp readDdl(DataInput in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case CREATE_DATABASE -> new DdlOp.CreateDatabase(in.readUTF());
            case DROP_DATABASE -> new DdlOp.DropDatabase(in.readUTF());
            case CREATE_TABLE -> new DdlOp.CreateTable(readTable(in));
            case DROP_TABLE -> new DdlOp.DropTable(in.readUTF(), in.readUTF());
            case CREATE_INDEX -> new DdlOp.CreateIndex(in.readLong(), readIndex(in));
            case DROP_INDEX -> new DdlOp.DropIndex(in.readLong(), in.readUTF());
            default -> throw new IOException("unknown DDL tag " + tag);
        };
    }

    public static void writeCatalog(DataOutput out, CatalogState catalog) throws IOException {
        List<String> databases = catalog.databases();
        out.writeInt(databases.size());
        for (String database : databases) {
            out.writeUTF(database);
        }
        List<TableDefinition> tables = catalog.allTables();
        out.writeInt(tables.size());
        for (TableDefinition table : tables) {
            writeTable(out, table);
        }
    }

    public static CatalogState readCatalog(DataInput in) throws IOException {
        CatalogState catalog = CatalogState.EMPTY;
        int databaseCount = in.readInt();
        for (int i = 0; i < databaseCount; i++) {
            catalog = catalog.withDatabase(in.readUTF());
        }
        int tableCount = in.readInt();
        for (int i = 0; i < tableCount; i++) {
            catalog = catalog.withTable(readTable(in));
        }
        return catalog;
    }
}
