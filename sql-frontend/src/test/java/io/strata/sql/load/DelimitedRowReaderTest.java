package io.strata.sql.load;

import io.strata.sql.parser.ast.SqlLoadData;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DelimitedRowReaderTest {
    private static final SqlLoadData.Format DEFAULTS = new SqlLoadData.Format(null, null, false, null, null, null);

    @Test
    void defaultFormatUnescapesAndReadsNulls() {
        assertEquals(List.of(List.of("a", "<NULL>", "t\tb"), List.of("NN", "\\", "x\ny\0"), List.of("last")),
                read("a\t\\N\tt\\tb\n\\N\\N\t\\\\\tx\\ny\\0\nlast", DEFAULTS));
    }

    @Test
    void multiByteTerminatorsSplitAcrossReadsAreFound() {
        SqlLoadData.Format format = new SqlLoadData.Format("||", "\"", true, null, ">>", "\r\n");
        assertEquals(List.of(List.of("1", "a \"q\" ||x"), List.of("2", "<NULL>", "NULL")),
                read("junk>>1||\"a \"\"q\"\" ||x\"\r\nskipped line\r\n>>2||NULL||\"NULL\"\r\n", format));
    }

    @Test
    void emptyInputHasNoRowsAndAnEmptyLineHasOneEmptyField() {
        assertEquals(List.of(), read("", DEFAULTS));
        assertEquals(List.of(List.of("1"), List.of(""), List.of("2")), read("1\n\n2\n", DEFAULTS));
    }

    /** Reads everything, feeding the reader one byte per read() so that every boundary is crossed. */
    private static List<List<String>> read(String text, SqlLoadData.Format clauses) {
        LoadFormat format = LoadFormat.of(clauses, null);
        InputStream trickle = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
        DelimitedRowReader reader = new DelimitedRowReader(trickle, format);
        FieldRow row = new FieldRow();
        List<List<String>> rows = new ArrayList<>();
        while (reader.next(row)) {
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < row.fieldCount(); i++) {
                fields.add(row.isNull(i) ? "<NULL>" : row.text(i, StandardCharsets.UTF_8));
            }
            rows.add(fields);
        }
        return rows;
    }
}
