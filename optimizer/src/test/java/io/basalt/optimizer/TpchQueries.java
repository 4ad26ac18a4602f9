package io.basalt.optimizer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The 22 TPC-H query texts as {@code io.trino.tpch}'s jar ships them (standard validation parameters). Q15 is a
 * CREATE VIEW followed by a SELECT; the planner plans single queries, so its view becomes a WITH clause, which
 * is what the view means.
 */
final class TpchQueries {

    private TpchQueries() {
    }

    static String text(int query) {
        String text = resource(query);
        if (query == 15) {
            int viewStart = text.indexOf("CREATE OR REPLACE VIEW revenue AS");
            int viewEnd = text.indexOf(';', viewStart);
            String view = text.substring(viewStart + "CREATE OR REPLACE VIEW revenue AS".length(), viewEnd);
            String select = text.substring(viewEnd + 1).trim();
            return "WITH revenue AS (" + view + ")\n" + select;
        }
        return text;
    }

    private static String resource(int query) {
        String name = "/io/trino/tpch/queries/q" + query + ".sql";
        try (InputStream in = TpchQueries.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing " + name + " (io.trino.tpch:tpch on the test classpath?)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
