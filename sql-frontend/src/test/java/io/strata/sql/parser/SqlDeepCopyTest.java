package io.strata.sql.parser;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Prepared INSERT, UPDATE and DELETE run copies of one parse tree; a copy must share nothing validation changes. */
class SqlDeepCopyTest {
    @Test
    void sysbenchWritesAreTemplatesWhoseCopiesShareNoCallOrIdentifier() {
        for (String sql : new String[] {
                "UPDATE sbtest1 SET k=k+1 WHERE id=?",
                "UPDATE sbtest1 SET c=? WHERE id=?",
                "DELETE FROM sbtest1 WHERE id=?",
                "INSERT INTO sbtest1 (id, k, c, pad) VALUES (?, ?, ?, ?)",
                "INSERT INTO t SELECT a, b FROM u WHERE a > ? ORDER BY a LIMIT 3",
                "UPDATE t AS x SET v = (SELECT MAX(w) FROM u WHERE u.id = x.id) WHERE x.id IN (?, ?)"}) {
            SqlNode parsed = StrataParser.parseOne(sql);
            SqlNode template = SqlDeepCopy.templateOrNull(parsed);
            assertNotNull(template, sql);
            SqlNode copy = SqlDeepCopy.of(template);
            assertEquals(template.toString(), copy.toString(), sql);
            Set<SqlNode> mutable = mutableNodes(template);
            for (SqlNode node : mutableNodes(copy)) {
                assertTrue(!mutable.contains(node), sql + ": shares " + node);
            }
        }
    }

    @Test
    void otherStatementsAreParsedEachTime() {
        assertNull(SqlDeepCopy.templateOrNull(StrataParser.parseOne("SELECT 1")));
        assertNull(SqlDeepCopy.templateOrNull(StrataParser.parseOne("SET @a = 1")));
        assertNull(SqlDeepCopy.templateOrNull(StrataParser.parseOne("CREATE TABLE t (id INT PRIMARY KEY)")));
    }

    /** The calls, identifiers and lists of a tree, by identity. */
    private static Set<SqlNode> mutableNodes(SqlNode root) {
        Set<SqlNode> nodes = Collections.newSetFromMap(new IdentityHashMap<>());
        root.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                nodes.add(call);
                return super.visit(call);
            }

            @Override
            public Void visit(SqlIdentifier id) {
                nodes.add(id);
                return null;
            }

            @Override
            public Void visit(SqlNodeList list) {
                nodes.add(list);
                return super.visit(list);
            }
        });
        return nodes;
    }
}
