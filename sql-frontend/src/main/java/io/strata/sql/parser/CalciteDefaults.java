package io.strata.sql.parser;

/**
 * Calcite reads its default character set from system properties once, when its classes load.
 * MySQL text is UTF-8 (utf8mb4), so string literals with any character must be accepted: this sets
 * the properties before the first Calcite class that reads them is used.
 */
public final class CalciteDefaults {
    private CalciteDefaults() {}

    public static void install() {
        setIfAbsent("calcite.default.charset", "UTF-8");
        setIfAbsent("calcite.default.nationalcharset", "UTF-8");
        setIfAbsent("calcite.default.collation.name", "UTF-8$en_US");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
