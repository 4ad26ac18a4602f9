package io.basalt.parser.ast;

import java.util.List;
import java.util.Optional;

/**
 * A possibly schema-qualified name, its parts already case-folded: unquoted names are lower-cased
 * ({@code Fact_Sales} is {@code fact_sales}, as in PostgreSQL and DuckDB), quoted ones keep their case.
 */
public record QualifiedName(List<String> parts) {

    public QualifiedName {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a qualified name has at least one part");
        }
    }

    public static QualifiedName of(String... parts) {
        return new QualifiedName(List.of(parts));
    }

    /** The last part: the table's (or view's) own name. */
    public String name() {
        return parts.get(parts.size() - 1);
    }

    /** The schema, when the name is qualified. */
    public Optional<String> schema() {
        return parts.size() > 1 ? Optional.of(parts.get(parts.size() - 2)) : Optional.empty();
    }

    @Override
    public String toString() {
        return String.join(".", parts);
    }
}
