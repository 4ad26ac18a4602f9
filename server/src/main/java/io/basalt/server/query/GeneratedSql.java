package io.basalt.server.query;

import io.basalt.parser.ast.SourceSpan;
import io.basalt.parser.ast.SqlFragment;

/** Query text the server writes itself (COPY … TO of a table, ALTER TABLE's rewrite), planned like the user's. */
public final class GeneratedSql {

    private GeneratedSql() {
    }

    /** A name as a quoted identifier, so that any name (upper case, keywords, quotes) means exactly itself. */
    public static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    public static String quoted(String schema, String name) {
        return quoted(schema) + "." + quoted(name);
    }

    /** Generated text as a fragment of a statement of its own. */
    public static SqlFragment fragment(String text) {
        return new SqlFragment(text, new SourceSpan(0, text.length(), 1, 1));
    }
}
