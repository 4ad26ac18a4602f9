package io.basalt.parser.ast;

import java.util.List;
import java.util.Objects;

/**
 * What GRANT and REVOKE apply to: {@code [TABLE] t [, …]} ({@link #tables}), {@code ALL TABLES IN SCHEMA s [, …]} or
 * {@code SCHEMA s [, …]} ({@link #schemas}).
 */
public record PrivilegeTarget(Kind kind, List<QualifiedName> tables, List<String> schemas) {

    public enum Kind {
        TABLES, ALL_TABLES_IN_SCHEMAS, SCHEMAS
    }

    public PrivilegeTarget {
        Objects.requireNonNull(kind, "kind");
        tables = List.copyOf(tables);
        schemas = List.copyOf(schemas);
    }

    public static PrivilegeTarget tables(List<QualifiedName> tables) {
        return new PrivilegeTarget(Kind.TABLES, tables, List.of());
    }

    public static PrivilegeTarget allTablesIn(List<String> schemas) {
        return new PrivilegeTarget(Kind.ALL_TABLES_IN_SCHEMAS, List.of(), schemas);
    }

    public static PrivilegeTarget schemas(List<String> schemas) {
        return new PrivilegeTarget(Kind.SCHEMAS, List.of(), schemas);
    }

    /** Whether the privileges are on schemas themselves (CREATE, USAGE) rather than on tables. */
    public boolean onSchemas() {
        return kind == Kind.SCHEMAS;
    }
}
