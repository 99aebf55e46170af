package io.strata.tests.tpch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One of the 22 TPC-H queries with the specification's validation parameters, written so that MySQL,
 * Strata and DuckDB all take it unchanged ({@code tpch/qNN.sql}; Q15 is the approved WITH variant).
 * The first line names the output columns its ORDER BY fixes ("ordered by: 2, 1"; none when the
 * query does not order).
 *
 * @param orderedColumns 1-based output positions, most significant first
 */
public record TpchQuery(int number, String sql, List<Integer> orderedColumns) {
    private static final String ORDERED_BY = "ordered by:";

    /** Query {@code number} (1..22) for {@code scaleFactor} (Q11's FRACTION is 0.0001 / SF). */
    public static TpchQuery load(int number, double scaleFactor) {
        String text = resource(String.format(Locale.ROOT, "tpch/q%02d.sql", number));
        String header = text.lines().findFirst().orElse("");
        int marker = header.indexOf(ORDERED_BY);
        if (!header.startsWith("--") || marker < 0) {
            throw new IllegalStateException("q" + number + " does not start with '-- ... " + ORDERED_BY + "'");
        }
        List<Integer> ordered = new ArrayList<>();
        Arrays.stream(header.substring(marker + ORDERED_BY.length()).split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).map(Integer::valueOf).forEach(ordered::add);
        String sql = text.substring(text.indexOf('\n') + 1).strip()
                .replace("${fraction}", new BigDecimal(0.0001 / scaleFactor)
                        .round(new MathContext(6)).stripTrailingZeros().toPlainString());
        return new TpchQuery(number, sql, List.copyOf(ordered));
    }

    /** All 22, in order. */
    public static List<TpchQuery> all(double scaleFactor) {
        List<TpchQuery> queries = new ArrayList<>();
        for (int number = 1; number <= 22; number++) {
            queries.add(load(number, scaleFactor));
        }
        return queries;
    }

    private static String resource(String name) {
        try (InputStream in = TpchQuery.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "Q" + number;
    }
}
