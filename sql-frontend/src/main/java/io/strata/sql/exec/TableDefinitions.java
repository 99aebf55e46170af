package io.strata.sql.exec;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.sql.parser.ast.ColumnSpec;
import io.strata.sql.parser.ast.IndexSpec;
import io.strata.sql.parser.ast.SqlCreateTable;
import io.strata.txn.catalog.ColumnDefinition;
import io.strata.txn.catalog.IndexDefinition;
import io.strata.txn.catalog.TableDefinition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Checks a CREATE TABLE as MySQL does and turns it into a {@link TableDefinition}. */
final class TableDefinitions {
    private TableDefinitions() {}

    static TableDefinition of(SqlCreateTable create, TableNames.QualifiedName name) {
        List<ColumnSpec> specs = create.columns();
        Set<String> seen = new HashSet<>();
        for (ColumnSpec spec : specs) {
            if (!seen.add(spec.name().toLowerCase(Locale.ROOT))) {
                throw StrataException.of(ErrorCode.ER_DUP_FIELDNAME, "Duplicate column name '%s'", spec.name());
            }
        }
        List<Integer> primaryKey = primaryKey(create);
        List<ColumnDefinition> columns = new ArrayList<>(specs.size());
        int autoIncrementColumns = 0;
        for (int i = 0; i < specs.size(); i++) {
            ColumnSpec spec = specs.get(i);
            boolean inKey = primaryKey.contains(i);
            boolean nullable = !inKey && (spec.nullable() == null || spec.nullable());
            if (!nullable && "NULL".equalsIgnoreCase(spec.defaultSql())) {
                throw StrataException.of(ErrorCode.ER_INVALID_DEFAULT, "Invalid default value for '%s'", spec.name());
            }
            if (spec.type().kind() == io.strata.common.type.TypeKind.JSON && spec.defaultSql() != null
                    && !"NULL".equalsIgnoreCase(spec.defaultSql())) {
                throw StrataException.of(ErrorCode.ER_BLOB_CANT_HAVE_DEFAULT,
                        "BLOB, TEXT, GEOMETRY or JSON column '%s' can't have a default value", spec.name());
            }
            if (spec.autoIncrement()) {
                autoIncrementColumns++;
                if (!inKey || !spec.type().kind().isInteger()) {
                    throw wrongAutoKey();
                }
            }
            columns.add(new ColumnDefinition(spec.name(), spec.type(), nullable, spec.defaultSql(), spec.autoIncrement()));
        }
        if (autoIncrementColumns > 1) {
            throw wrongAutoKey();
        }
        return new TableDefinition(0, name.database(), name.table(), columns, primaryKey, create.comment(),
                indexes(create, specs));
    }

    /** The secondary indexes in declaration order; unnamed ones are named in that order too. */
    private static List<IndexDefinition> indexes(SqlCreateTable create, List<ColumnSpec> specs) {
        List<String> columnNames = specs.stream().map(ColumnSpec::name).toList();
        Set<String> taken = new HashSet<>();
        List<IndexDefinition> indexes = new ArrayList<>(create.indexes().size());
        for (IndexSpec index : create.indexes()) {
            indexes.add(IndexDefinitions.of(index, columnNames, taken));
        }
        return indexes;
    }

    private static List<Integer> primaryKey(SqlCreateTable create) {
        List<List<String>> keys = new ArrayList<>(create.primaryKeys());
        List<String> columnLevel = create.columns().stream().filter(ColumnSpec::primaryKey).map(ColumnSpec::name).toList();
        for (String column : columnLevel) {
            keys.add(List.of(column));
        }
        if (keys.size() > 1) {
            throw new StrataException(ErrorCode.ER_MULTIPLE_PRI_KEY, "Multiple primary key defined");
        }
        if (keys.isEmpty()) {
            return List.of();
        }
        List<Integer> indexes = new ArrayList<>();
        for (String column : keys.get(0)) {
            int index = indexOf(create.columns(), column);
            if (index < 0) {
                throw StrataException.of(ErrorCode.ER_KEY_COLUMN_DOES_NOT_EXIST, "Key column '%s' doesn't exist in table", column);
            }
            indexes.add(index);
        }
        return indexes;
    }

    private static int indexOf(List<ColumnSpec> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private static StrataException wrongAutoKey() {
        return new StrataException(ErrorCode.ER_WRONG_AUTO_KEY,
                "Incorrect table definition; there can be only one auto column and it must be defined as a key");
    }
}
