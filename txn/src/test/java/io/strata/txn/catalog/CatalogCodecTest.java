package io.strata.txn.catalog;

import io.strata.common.type.DataType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CatalogCodecTest {
    static final TableDefinition TABLE = new TableDefinition(7, "app", "people",
            List.of(new ColumnDefinition("id", DataType.BIGINT, false, null, true),
                    new ColumnDefinition("email", DataType.varchar(40), true, "'none'", false)),
            List.of(0), "who",
            List.of(new IndexDefinition("email", List.of(1), true), new IndexDefinition("k", List.of(1, 0), false)));

    static DataInputStream written(IoWriter writer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writer.write(new DataOutputStream(bytes));
        return new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
    }

    interface IoWriter {
        void write(DataOutputStream out) throws IOException;
    }

    @Test
    void tablesWithIndexesAndIndexDdlRoundTrip() throws IOException {
        DataInputStream in = written(out -> {
            CatalogCodec.writeTable(out, TABLE);
            CatalogCodec.writeDdl(out, new DdlOp.CreateIndex(7, new IndexDefinition("u", List.of(0, 1), true)));
            CatalogCodec.writeDdl(out, new DdlOp.DropIndex(7, "email"));
            out.writeInt(42); // what follows in a log entry is still in place
        });
        assertEquals(TABLE, CatalogCodec.readTable(in));
        assertEquals(new DdlOp.CreateIndex(7, new IndexDefinition("u", List.of(0, 1), true)), CatalogCodec.readDdl(in));
        assertEquals(new DdlOp.DropIndex(7, "email"), CatalogCodec.readDdl(in));
        assertEquals(42, in.readInt());
    }

    /** Logs and checkpoints written before secondary indexes were recorded start a table with its id. */
    @Test
    void tablesWrittenBeforeIndexesStillRead() throws IOException {
        DataInputStream in = written(out -> {
            out.writeLong(7);
            out.writeUTF("app");
            out.writeUTF("people");
            out.writeUTF("who");
            out.writeInt(2);
            for (ColumnDefinition column : TABLE.columns()) {
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
            out.writeInt(1);
            out.writeInt(0);
            out.writeInt(42);
        });
        assertEquals(new TableDefinition(7, "app", "people", TABLE.columns(), List.of(0), "who"), CatalogCodec.readTable(in));
        assertEquals(42, in.readInt());
    }

    @Test
    void indexDdlAppliesByTableIdAndChecksNames() {
        CatalogState catalog = CatalogState.EMPTY.withDatabase("app").withTable(TABLE);
        CatalogState added = new DdlOp.CreateIndex(7, new IndexDefinition("u", List.of(0), true)).apply(catalog);
        assertEquals(List.of("email", "k", "u"),
                added.tableById(7).orElseThrow().indexes().stream().map(IndexDefinition::name).toList());
        var taken = org.junit.jupiter.api.Assertions.assertThrows(io.strata.common.error.StrataException.class,
                () -> new DdlOp.CreateIndex(7, new IndexDefinition("EMAIL", List.of(0), false)).apply(catalog));
        assertEquals(io.strata.common.error.ErrorCode.ER_DUP_KEYNAME, taken.code());
        CatalogState dropped = new DdlOp.DropIndex(7, "Email").apply(catalog);
        assertEquals(List.of("k"), dropped.tableById(7).orElseThrow().indexes().stream().map(IndexDefinition::name).toList());
    }
}
