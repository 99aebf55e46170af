package io.strata.sql.plan;

import org.apache.calcite.sql.SqlFunction;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The names of the MySQL functions Strata defines itself, to tell a wrong argument count from an unknown function. */
final class MysqlFunctionNames {
    private static final Set<String> NAMES = Stream.concat(MysqlDateFunctions.FUNCTIONS.stream(),
                    MysqlStringFunctions.FUNCTIONS.stream())
            .map(SqlFunction::getName).collect(Collectors.toUnmodifiableSet());

    private MysqlFunctionNames() {}

    static boolean isKnown(String name) {
        return NAMES.contains(name.toUpperCase(Locale.ROOT));
    }
}
