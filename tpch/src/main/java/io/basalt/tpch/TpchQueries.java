package io.basalt.tpch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The 22 TPC-H queries with the standard validation parameters, as shipped in {@code io.trino.tpch}'s jar,
 * without their leading comment line. Query 15 there creates a view first; Basalt runs the equivalent
 * single statement with the view as a common table expression ({@code q15.sql} in this module).
 */
public final class TpchQueries {

    public static final int COUNT = 22;

    private TpchQueries() {
    }

    public static String text(int query) {
        if (query < 1 || query > COUNT) {
            throw new IllegalArgumentException("TPC-H has queries 1 to 22, not " + query);
        }
        String resource = query == 15 ? "/io/basalt/tpch/q15.sql" : "/io/trino/tpch/queries/q" + query + ".sql";
        try (InputStream in = TpchQueries.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("query resource " + resource + " is missing from the class path");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            StringBuilder body = new StringBuilder();
            for (String line : text.split("\n")) {
                if (!line.startsWith("--")) {
                    body.append(line).append('\n');
                }
            }
            return body.toString().trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
