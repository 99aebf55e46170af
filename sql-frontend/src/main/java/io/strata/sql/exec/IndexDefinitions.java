package io.strata.sql.exec;

import io.strata.common.error.ErrorCode;
import io.strata.common.error.StrataException;
import io.strata.sql.catalog.TableKeys;
import io.strata.sql.parser.ast.IndexSpec;
import io.strata.sql.plan.UnsupportedFeature;
import io.strata.txn.catalog.IndexDefinition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a declared index into an {@link IndexDefinition}, checked and named as MySQL does
 * ({@code prepare_key} and {@code make_unique_key_name} in sql_table.cc): an unnamed index takes its
 * first column's name, or {@code name_2}, {@code name_3}... when that is taken.
 */
final class IndexDefinitions {
    /** MySQL stops trying suffixes at 99; a table holds at most 64 indexes anyway. */
    private static final int NAME_SUFFIX_MAX = 99;

    private IndexDefinitions() {}

    /**
     * @param columnNames the table's columns, in order
     * @param taken       the lower-case names of the table's indexes so far; the new name is added
     */
    static IndexDefinition of(IndexSpec spec, List<String> columnNames, Set<String> taken) {
        if (spec.name() != null) {
            checkName(spec.name(), taken);
        }
        List<Integer> columns = new ArrayList<>(spec.columns().size());
        for (String column : spec.columns()) {
            int index = indexOf(columnNames, column);
            if (index < 0) {
                throw StrataException.of(ErrorCode.ER_KEY_COLUMN_DOES_NOT_EXIST, "Key column '%s' doesn't exist in table", column);
            }
            if (columns.contains(index)) {
                throw StrataException.of(ErrorCode.ER_DUP_FIELDNAME, "Duplicate column name '%s'", column);
            }
            columns.add(index);
        }
        String name = spec.name() != null ? spec.name() : defaultName(columnNames.get(columns.get(0)), taken);
        taken.add(name.toLowerCase(Locale.ROOT));
        return new IndexDefinition(name, columns, spec.unique());
    }

    /** Rejects PRIMARY (1280) and a name the table already has (1061). */
    static void checkName(String name, Set<String> taken) {
        if (name.equalsIgnoreCase(TableKeys.PRIMARY)) {
            throw StrataException.of(ErrorCode.ER_WRONG_NAME_FOR_INDEX, "Incorrect index name '%s'", name);
        }
        if (taken.contains(name.toLowerCase(Locale.ROOT))) {
            throw StrataException.of(ErrorCode.ER_DUP_KEYNAME, "Duplicate key name '%s'", name);
        }
    }

    private static String defaultName(String column, Set<String> taken) {
        if (isFree(column, taken)) {
            return column;
        }
        for (int suffix = 2; suffix <= NAME_SUFFIX_MAX; suffix++) {
            String candidate = column + "_" + suffix;
            if (isFree(candidate, taken)) {
                return candidate;
            }
        }
        throw UnsupportedFeature.of("more than " + NAME_SUFFIX_MAX + " indexes named after column " + column);
    }

    private static boolean isFree(String name, Set<String> taken) {
        return !name.equalsIgnoreCase(TableKeys.PRIMARY) && !taken.contains(name.toLowerCase(Locale.ROOT));
    }

    private static int indexOf(List<String> columnNames, String name) {
        for (int i = 0; i < columnNames.size(); i++) {
            if (columnNames.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }
}
